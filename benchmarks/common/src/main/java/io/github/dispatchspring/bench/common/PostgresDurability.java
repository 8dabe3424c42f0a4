package io.github.dispatchspring.bench.common;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings that decide whether a PostgreSQL commit survives a crash of the server's machine, as
 * a session of one database sees them (so settings of the database or its role count too).
 */
public record PostgresDurability(
		String serverVersion,
		String fsync,
		String synchronousCommit,
		String fullPageWrites,
		String walSyncMethod) {

	private static final String ON = "on";

	public static PostgresDurability of(PostgresConnection database) {
		try (var connection = database.open();
				var statement = connection.createStatement()) {
			return new PostgresDurability(
					show(statement, "server_version"),
					show(statement, "fsync"),
					show(statement, "synchronous_commit"),
					show(statement, "full_page_writes"),
					show(statement, "wal_sync_method"));
		} catch (SQLException e) {
			throw new IllegalStateException(
					"cannot read the durability settings of " + database.jdbcUrl(), e);
		}
	}

	/**
	 * Whether every commit waits until its log is on disk and a torn page can be repaired from the
	 * log: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} all on.
	 */
	public boolean isDurable() {
		return ON.equals(fsync) && ON.equals(synchronousCommit) && ON.equals(fullPageWrites);
	}

	/** The settings as one line, for example {@code PostgreSQL 17.6: fsync=on, ...}. */
	public String describe() {
		return "PostgreSQL " + serverVersion
				+ ": fsync=" + fsync
				+ ", synchronous_commit=" + synchronousCommit
				+ ", full_page_writes=" + fullPageWrites
				+ ", wal_sync_method=" + walSyncMethod;
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (var rows = statement.executeQuery("SHOW " + setting)) {
			if (!rows.next()) {
				throw new SQLException("SHOW " + setting + " returned no row");
			}
			return rows.getString(1);
		}
	}
}
