package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the creation and migration of the store's tables, on PostgreSQL, whose tables have been
 * released at every schema version.
 */
class StoreSchemaTests {

	private final DataSource dataSource = PostgresTestDatabase.create().dataSource();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	@Test
	void createsTheTablesAtTheCurrentVersionWithTheConfiguredPrefix() {
		new JdbcCallStore(this.dataSource, "app_dispatch_", Clock.systemUTC(), null);

		assertThat(this.jdbc.queryForObject("SELECT version FROM app_dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_dispatch_calls", Integer.class)).isZero();
	}

	@Test
	void migratesTablesOfAnEarlierVersion() {
		new JdbcCallStore(this.dataSource, "dispatch_", Clock.systemUTC(), null);
		this.jdbc.execute("DROP INDEX dispatch_calls_ended_at");
		this.jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN ended_at");
		this.jdbc.execute("DROP TABLE dispatch_keys");
		this.jdbc.update("UPDATE dispatch_schema_version SET version = 1");

		new JdbcCallStore(this.dataSource, "dispatch_", Clock.systemUTC(), null);

		assertThat(this.jdbc.queryForObject("SELECT version FROM dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(ended_at) FROM dispatch_calls", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_keys", Integer.class)).isZero();
	}

	@Test
	void refusesTablesOfANewerVersion() {
		new JdbcCallStore(this.dataSource, "dispatch_", Clock.systemUTC(), null);
		this.jdbc.update("UPDATE dispatch_schema_version SET version = ?", StoreSchema.VERSION + 1);

		assertThatIllegalStateException()
			.isThrownBy(() -> new JdbcCallStore(this.dataSource, "dispatch_", Clock.systemUTC(), null))
			.withMessageContaining("upgrade the starter");
	}

}
