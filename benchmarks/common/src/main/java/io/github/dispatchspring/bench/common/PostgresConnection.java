package io.github.dispatchspring.bench.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a PostgreSQL database is and how to log in to it. */
public record PostgresConnection(String jdbcUrl, String user, String password) {

	public Connection open() throws SQLException {
		return DriverManager.getConnection(jdbcUrl, user, password);
	}

	public String databaseName() throws SQLException {
		try (var connection = open();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT current_database()")) {
			rows.next();
			return rows.getString(1);
		}
	}
}
