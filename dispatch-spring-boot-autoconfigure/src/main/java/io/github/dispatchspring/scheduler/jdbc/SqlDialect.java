package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What differs between the databases the store runs on.
 */
public enum SqlDialect {

	/**
	 * H2, the embedded file database of a single instance. It writes committed transactions to its
	 * file in the background; accepted calls are forced to the file with a checkpoint.
	 */
	H2("h2", false, null, "CHECKPOINT"),

	/**
	 * PostgreSQL, shared by several instances. Accepted calls commit synchronously; the progress of
	 * calls commits without waiting for the WAL flush.
	 */
	POSTGRESQL("postgresql", true, "SET LOCAL synchronous_commit TO OFF", null);

	private final String schemaFolder;

	private final boolean shared;

	private final @Nullable String progressTransaction;

	private final @Nullable String flushAccepted;

	SqlDialect(String schemaFolder, boolean shared, @Nullable String progressTransaction,
			@Nullable String flushAccepted) {
		this.schemaFolder = schemaFolder;
		this.shared = shared;
		this.progressTransaction = progressTransaction;
		this.flushAccepted = flushAccepted;
	}

	/**
	 * The statement that starts a transaction recording the progress of calls, which may be lost in
	 * a crash of the database (the calls then run again) but never half.
	 * @return the statement, or {@code null}
	 */
	@Nullable String progressTransaction() {
		return this.progressTransaction;
	}

	/**
	 * The statement that makes newly accepted calls durable once their transaction committed.
	 * @return the statement, or {@code null} when the commit does already
	 */
	@Nullable String flushAccepted() {
		return this.flushAccepted;
	}

	/**
	 * The clause that makes an {@code INSERT} leave out a row whose {@code id} the table holds.
	 * @return the clause, or {@code null} when the store must leave such rows out itself
	 */
	@Nullable String onExistingId() {
		return (this == POSTGRESQL) ? "ON CONFLICT (id) DO NOTHING" : null;
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
