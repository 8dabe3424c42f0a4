package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What differs between the databases the store runs on.
 */
public enum SqlDialect {

	/** H2, the embedded file database of a single instance. */
	H2("h2", false),

	/** PostgreSQL, shared by several instances. */
	POSTGRESQL("postgresql", true);

	private final String schemaFolder;

	private final boolean shared;

	SqlDialect(String schemaFolder, boolean shared) {
		this.schemaFolder = schemaFolder;
		this.shared = shared;
	}

	/**
	 * The folder of this dialect's schema scripts.
	 * @return the classpath folder
	 */
	String schemaLocation() {
		return "META-INF/dispatch/schema/" + this.schemaFolder + "/";
	}

	/**
	 * Whether several instances may share the database: claims skip locked rows, and wake-ups are
	 * notified.
	 * @return {@code true} for PostgreSQL
	 */
	boolean shared() {
		return this.shared;
	}

	/**
	 * The dialect of a data source's database.
	 * @param dataSource the data source
	 * @return the dialect
	 * @throws IllegalStateException for a database the store does not support
	 */
	public static SqlDialect of(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("h2")) {
				return H2;
			}
			throw new IllegalStateException("The Dispatch call store supports PostgreSQL and H2, not " + product);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the Dispatch call store uses", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
