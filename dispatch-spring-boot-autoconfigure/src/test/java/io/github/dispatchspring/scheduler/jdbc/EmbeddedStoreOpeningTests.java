package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.Instance;
import io.github.dispatchspring.scheduler.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.call;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.result;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening the embedded store after another process had it: holding the store's lock proves that
 * process ended, so the calls it had leased are due at once and the outcomes of its workers are
 * refused. A database closed without its store handing its leases back stands for a process that was
 * killed.
 */
class EmbeddedStoreOpeningTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	@TempDir
	Path directory;

	@Test
	void letsOnlyItsOwnerIntoTheDirectoryThatKeepsTheSchedulersPrivateKey() throws IOException {
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (EmbeddedDatabase database = open()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory)))
				.isEqualTo("rwx------");
		}
	}

	@Test
	void makesTheCallsLeasedByTheEarlierProcessDueAtOnce() {
		try (EmbeddedDatabase earlier = open()) {
			JdbcCallStore store = store(earlier);
			store.add(List.of(call("leased"), call("pending")));
			assertThat(store.claim(1, LEASE)).hasSize(1);
		}

		try (EmbeddedDatabase database = open()) {
			List<ClaimedCall> claimed = store(database).claim(10, LEASE);

			assertThat(claimed).extracting(ClaimedCall::id).containsExactlyInAnyOrder("leased", "pending");
			assertThat(claimed).extracting(ClaimedCall::attempt).containsOnly(0);
		}
	}

	@Test
	void refusesTheOutcomeOfAWorkerOfTheEarlierProcess() {
		ClaimedCall lost;
		try (EmbeddedDatabase earlier = open()) {
			JdbcCallStore store = store(earlier);
			store.add(List.of(call("a")));
			lost = store.claim(1, LEASE).get(0);
		}

		try (EmbeddedDatabase database = open()) {
			JdbcCallStore store = store(database);
			assertThat(record(store, new Transition.Complete(lost, result(lost, "lost")))).isFalse();
			ClaimedCall current = store.claim(1, LEASE).get(0);
			assertThat(record(store, new Transition.Complete(current, result(current, "current")))).isTrue();
			assertThat(store.results(Set.of("a")).get("a").getOutput()).isEqualTo(value("current"));
		}
	}

	@Test
	void remembersTheEndpointOfTheEarlierProcess() {
		Instance earlierInstance = instance("http://127.0.0.1:41001");
		try (EmbeddedDatabase earlier = open()) {
			store(earlier).heartbeat(earlierInstance, Duration.ofSeconds(10));
		}

		try (EmbeddedDatabase database = open()) {
			Instance instance = instance("http://127.0.0.1:41002");

			assertThat(store(database).heartbeat(instance, Duration.ofSeconds(10)))
				.containsExactlyInAnyOrder(earlierInstance, instance);
		}
	}

	@Test
	void migratesTablesOfVersionTwoKeepingTheirCalls() {
		try (EmbeddedDatabase database = open()) {
			store(database).add(List.of(call("kept")));
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.execute("DROP TABLE dispatch_keys");
			jdbc.execute("DROP TABLE dispatch_instances");
			jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN lease_owner");
			jdbc.execute("DROP INDEX dispatch_calls_idempotency_key");
			for (String column : List.of("last_status", "last_error_type", "last_error_message", "idempotency_key")) {
				jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN " + column);
			}
			jdbc.update("UPDATE dispatch_schema_version SET version = 2");
		}

		try (EmbeddedDatabase database = open()) {
			JdbcCallStore store = store(database);
			assertThat(store.claim(10, LEASE)).extracting(ClaimedCall::id).containsExactly("kept");
			assertThat(store.heartbeat(instance("http://127.0.0.1:41003"), Duration.ofSeconds(10))).hasSize(1);
		}
	}

	private EmbeddedDatabase open() {
		return EmbeddedDatabase.open(this.directory, Durability.SYNC, 4, Duration.ofSeconds(10));
	}

	private static JdbcCallStore store(EmbeddedDatabase database) {
		return MigratedStores.store(database.dataSource(), "dispatch_", Clock.systemUTC());
	}

	private static Instance instance(String endpoint) {
		return new Instance("invoices", endpoint, Set.of("generateInvoice"), Instant.parse("2030-01-01T00:00:00Z"));
	}

}
