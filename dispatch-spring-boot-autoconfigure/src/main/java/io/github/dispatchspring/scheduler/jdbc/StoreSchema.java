package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and migrates the store's tables, recording the applied version in a table of its own so
 * that an upgraded starter migrates an existing schema. Instances sharing a PostgreSQL database
 * migrate one at a time under an advisory lock.
 */
final class StoreSchema {

	/** The schema version this code needs. */
	static final int VERSION = 4;

	private static final Log logger = LogFactory.getLog(StoreSchema.class);

	private static final Pattern PREFIX = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,30}");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SqlDialect dialect;

	private final String prefix;

	StoreSchema(JdbcTemplate jdbc, TransactionTemplate transactions, SqlDialect dialect, String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("The table prefix '" + prefix
					+ "' is invalid: use letters, digits and underscores (dispatch.scheduler.jdbc.table-prefix)");
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.dialect = dialect;
		this.prefix = prefix;
	}

	void migrate() {
		this.transactions.executeWithoutResult((status) -> {
			if (this.dialect == SqlDialect.POSTGRESQL) {
				this.jdbc.query("SELECT pg_advisory_xact_lock(?)", (rs) -> {
				}, (long) (this.prefix + "schema").hashCode());
			}
			this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.prefix + "schema_version (version INTEGER NOT NULL)");
			List<Integer> versions = this.jdbc.queryForList("SELECT version FROM " + this.prefix + "schema_version",
					Integer.class);
			int current = versions.isEmpty() ? 0 : versions.get(0);
			if (current > VERSION) {
				throw new IllegalStateException("The Dispatch tables '" + this.prefix + "*' have schema version "
						+ current + ", newer than this starter's " + VERSION + ": upgrade the starter");
			}
			for (int version = current + 1; version <= VERSION; version++) {
				apply(version);
			}
			if (versions.isEmpty()) {
				this.jdbc.update("INSERT INTO " + this.prefix + "schema_version (version) VALUES (?)", VERSION);
			}
			else if (current < VERSION) {
				this.jdbc.update("UPDATE " + this.prefix + "schema_version SET version = ?", VERSION);
			}
		});
	}

	private void apply(int version) {
		logger.info("Migrating the Dispatch tables '" + this.prefix + "*' to schema version " + version);
		for (String statement : script(version).replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				this.jdbc.execute(statement.replace("${prefix}", this.prefix));
			}
		}
	}

	private String script(int version) {
		String location = this.dialect.schemaLocation() + "V" + version + ".sql";
		try (InputStream input = StoreSchema.class.getClassLoader().getResourceAsStream(location)) {
			if (input == null) {
				throw new IllegalStateException("Missing schema script " + location);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
