package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.Durability;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What differs between the databases the store runs on.
 */
public enum SqlDialect {

	/**
	 * SQLite in write-ahead-log mode, the embedded file database of a single instance. With
	 * {@link Durability#SYNC} every commit waits for the log to be forced to disk.
	 */
	SQLITE("sqlite", false, null, null, "CAST((JULIANDAY('now') - 2440587.5) * 86400000 AS INTEGER)"),

	/**
	 * PostgreSQL, shared by several instances. Commits wait for the server's log flush unless the
	 * durability is relaxed, whatever the server's own default for {@code synchronous_commit}.
	 */
	POSTGRESQL("postgresql", true, "SET LOCAL synchronous_commit TO ON", "SET LOCAL synchronous_commit TO OFF",
			"CAST(EXTRACT(EPOCH FROM CLOCK_TIMESTAMP()) * 1000 AS BIGINT)");

	private final String schemaFolder;

	private final boolean shared;

	private final @Nullable String syncTransaction;

	private final @Nullable String relaxedTransaction;

	private final String currentMillis;

	SqlDialect(String schemaFolder, boolean shared, @Nullable String syncTransaction,
			@Nullable String relaxedTransaction, String currentMillis) {
		this.schemaFolder = schemaFolder;
		this.shared = shared;
		this.syncTransaction = syncTransaction;
		this.relaxedTransaction = relaxedTransaction;
		this.currentMillis = currentMillis;
	}

	/**
	 * The statement that starts a write transaction with the given durability.
	 * @param durability the durability
	 * @return the statement, or {@code null} when the connection's settings already give it
	 */
	@Nullable String beginTransaction(Durability durability) {
		return (durability == Durability.SYNC) ? this.syncTransaction : this.relaxedTransaction;
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
	 * The expression of the database's own clock, in milliseconds since the epoch, by which instances
	 * sharing the database judge each other's heartbeats whatever their own clocks say.
	 * @return the SQL expression
	 */
	String currentMillis() {
		return this.currentMillis;
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
			if (product.contains("sqlite")) {
				return SQLITE;
			}
			throw new IllegalStateException("The Dispatch call store supports PostgreSQL and SQLite, not " + product);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the Dispatch call store uses", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
