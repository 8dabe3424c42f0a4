package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.google.protobuf.Any;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.RetryPolicy;

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
		new StoreSchema(this.dataSource, "app_dispatch_").migrate();

		assertThat(this.jdbc.queryForObject("SELECT version FROM app_dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_dispatch_calls", Integer.class)).isZero();
	}

	@Test
	void migratesTablesOfAnEarlierVersion() {
		new StoreSchema(this.dataSource, "dispatch_").migrate();
		downgradeToVersionTwo();
		this.jdbc.execute("DROP INDEX dispatch_calls_ended_at");
		this.jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN ended_at");
		this.jdbc.update("UPDATE dispatch_schema_version SET version = 1");

		new StoreSchema(this.dataSource, "dispatch_").migrate();

		assertThat(this.jdbc.queryForObject("SELECT version FROM dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(ended_at) FROM dispatch_calls", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_keys", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(lease_owner) FROM dispatch_calls", Integer.class)).isZero();
	}

	@Test
	void migratesTablesOfVersionTwoKeepingTheirCalls() {
		JdbcCallStore store = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC());
		store.add(List.of(new NewCall("kept", "fn", "http://localhost:8080", Any.getDefaultInstance(), null, "kept", 0,
				false, Instant.now(), null)));
		downgradeToVersionTwo();

		JdbcCallStore migrated = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC());

		assertThat(this.jdbc.queryForObject("SELECT version FROM dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(migrated.claim(10, Duration.ofMinutes(5))).extracting(ClaimedCall::id).containsExactly("kept");
		assertThat(this.jdbc.queryForObject("SELECT lease_owner FROM dispatch_calls WHERE id = 'kept'", String.class))
			.isNotNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_instances", Integer.class)).isZero();
	}

	@Test
	void migratesTablesOfVersionFourKeepingTheirCalls() {
		JdbcCallStore store = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC());
		store.add(List.of(new NewCall("kept", "fn", "http://localhost:8080", Any.getDefaultInstance(), null, "kept", 0,
				false, Instant.now(), null)));
		EarlierSchemas.downgradeToVersionFour(this.jdbc);

		JdbcCallStore migrated = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC());

		assertThat(this.jdbc.queryForObject("SELECT version FROM dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(migrated.calls(CallFilter.ALL, 10).calls()).extracting(CallSummary::id).containsExactly("kept");
		assertThat(migrated.call("kept").history()).isEmpty();
	}

	@Test
	void migratesTablesOfVersionSixForFunctionLimits() {
		JdbcCallStore store = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC());
		store.add(List.of(new NewCall("kept", "limited", "http://localhost:8080", Any.getDefaultInstance(), null,
				"kept", 0, false, Instant.now(), null)));
		EarlierSchemas.downgradeToVersionSix(this.jdbc);
		FunctionPolicy limited = new FunctionPolicy(new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20),
				Duration.ofMinutes(4), null, 1, new FunctionPolicy.RateLimit(1, Duration.ofMinutes(1)), 0);
		FlowControl flow = FlowControl.of(new FunctionPolicies(Map.of("limited", limited),
				new FunctionPolicy(limited.retry(), limited.timeout(), null, 0, null, 0)));

		JdbcCallStore migrated = MigratedStores.store(this.dataSource, "dispatch_", Clock.systemUTC(), flow);

		assertThat(this.jdbc.queryForObject("SELECT version FROM dispatch_schema_version", Integer.class))
			.isEqualTo(StoreSchema.VERSION);
		assertThat(migrated.claim(10, Duration.ofMinutes(5))).extracting(ClaimedCall::id).containsExactly("kept");
		assertThat(this.jdbc.queryForObject("SELECT SUM(starts) FROM dispatch_starts WHERE function_name = 'limited'",
				Integer.class)).isOne();
	}

	/** Removes what versions 3 to 7 added. */
	private void downgradeToVersionTwo() {
		EarlierSchemas.downgradeToVersionFour(this.jdbc);
		this.jdbc.execute("DROP TABLE dispatch_keys");
		this.jdbc.execute("DROP TABLE dispatch_instances");
		this.jdbc.execute("DROP INDEX dispatch_calls_lease_owner");
		this.jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN lease_owner");
		this.jdbc.update("UPDATE dispatch_schema_version SET version = 2");
	}

	@Test
	void refusesTablesOfANewerVersion() {
		new StoreSchema(this.dataSource, "dispatch_").migrate();
		this.jdbc.update("UPDATE dispatch_schema_version SET version = ?", StoreSchema.VERSION + 1);

		assertThatIllegalStateException()
			.isThrownBy(() -> new StoreSchema(this.dataSource, "dispatch_").migrate())
			.withMessageContaining("upgrade the starter");
	}

}
