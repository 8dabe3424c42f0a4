package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and migrates the tables of a {@link JdbcCallStore}, recording the applied version in a
 * table of its own so that an upgraded starter migrates an existing schema. Instances sharing a
 * PostgreSQL database migrate one at a time under an advisory lock.
 * <p>
 * The schema is migrated once, before any store is created on the database: call {@link #migrate()},
 * or declare the schema as a bean, which migrates it when it is initialized.
 */
public final class StoreSchema implements InitializingBean {

	/** The schema version this code needs. */
	static final int VERSION = 7;

	private static final Log logger = LogFactory.getLog(StoreSchema.class);

	private static final Pattern PREFIX = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,30}");

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String prefix;

	/**
	 * Creates the schema of the store's tables in a database.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @throws IllegalArgumentException if the prefix is not a valid start of a table name
	 */
	public StoreSchema(DataSource dataSource, String tablePrefix) {
		this.prefix = checkedPrefix(tablePrefix);
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Checks that a table prefix is a valid start of a table name, as it is written into statements.
	 * @param prefix the prefix
	 * @return the prefix
	 * @throws IllegalArgumentException if it is not
	 */
	static String checkedPrefix(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("The table prefix '" + prefix
					+ "' is invalid: use letters, digits and underscores (dispatch.scheduler.jdbc.table-prefix)");
		}
		return prefix;
	}

	@Override
	public void afterPropertiesSet() {
		migrate();
	}

	/**
	 * Creates the tables, or migrates them to the version this starter needs, in one transaction.
	 * @throws IllegalStateException if the tables have a version newer than this starter's
	 */
	public void migrate() {
		SqlDialect dialect = SqlDialect.of(this.dataSource);
		this.transactions.executeWithoutResult((status) -> {
			if (dialect == SqlDialect.POSTGRESQL) {
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
				apply(version, dialect);
			}
			if (versions.isEmpty()) {
				this.jdbc.update("INSERT INTO " + this.prefix + "schema_version (version) VALUES (?)", VERSION);
			}
			else if (current < VERSION) {
				this.jdbc.update("UPDATE " + this.prefix + "schema_version SET version = ?", VERSION);
			}
		});
	}

	private void apply(int version, SqlDialect dialect) {
		logger.info("Migrating the Dispatch tables '" + this.prefix + "*' to schema version " + version);
		for (String statement : script(version, dialect).replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				this.jdbc.execute(statement.replace("${prefix}", this.prefix));
			}
		}
	}

	private static String script(int version, SqlDialect dialect) {
		String location = dialect.schemaLocation() + "V" + version + ".sql";
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
