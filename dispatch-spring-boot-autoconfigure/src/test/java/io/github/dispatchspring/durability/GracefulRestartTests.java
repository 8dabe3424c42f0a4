package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.dispatchspring.durability.fanout.FanOutApplication;
import io.github.dispatchspring.durability.fanout.Visits;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance running a fan-out of 2,000 calls is stopped with {@code SIGTERM} while its workers
 * are busy with calls that outlast the shutdown timeout: once it has exited no call is leased, and
 * the instance started again on the same store runs every call within a minute, each once, without
 * waiting for a lease (the default five minutes) or, on PostgreSQL, for the stopped instance's
 * heartbeats to go stale. Leases, heartbeats and the shutdown timeout are the defaults.
 */
class GracefulRestartTests {

	private static final int CALLS = 2_000;

	private static final int CONCURRENCY = 32;

	private static final Pattern STARTED = Pattern.compile("Started FanOutApplication in");

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	@Test
	void embeddedStoreLeavesNoCallLeased(@TempDir Path directory) {
		assertRestartLeavesNoCallWaiting("embedded", List.of("--dispatch.scheduler.embedded.directory=" + directory),
				StoredCalls.inEmbeddedStore(directory));
	}

	@Test
	void postgresStoreLeavesNoCallLeased() {
		PostgresTestDatabase store = PostgresTestDatabase.create();
		assertRestartLeavesNoCallWaiting("postgres", List.of("--dispatch.scheduler.store=jdbc",
				"--dispatch.scheduler.jdbc.url=" + store.jdbcUrl(),
				"--dispatch.scheduler.jdbc.username=" + store.username(),
				"--dispatch.scheduler.jdbc.password=" + store.password()), new StoredCalls(store.dataSource()));
	}

	private void assertRestartLeavesNoCallWaiting(String name, List<String> store, StoredCalls calls) {
		Visits.createTable(this.jdbc);
		try (JavaProcess stopped = instance(name + "-stopped", store, CALLS, "1m")) {
			await("every worker busy").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> stopped.countLines("Dispatched " + CALLS) == 1 && calls.leased() == CONCURRENCY);
			stopped.terminate(Duration.ofMinutes(1));
		}

		assertThat(calls.leased()).as("calls leased after the graceful stop").isZero();
		assertThat(calls.count("visit", "PENDING")).isEqualTo(CALLS);

		long restarted = System.nanoTime();
		try (JavaProcess restart = instance(name + "-restarted", store, 0, "3ms")) {
			await("every call done within a minute of the restart").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> calls.count("visit", "DONE") == CALLS);
			long seconds = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();
			assertThat(calls.errors("visit")).isEmpty();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT item) FROM visits", Long.class))
				.isEqualTo(CALLS);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM visits", Long.class)).as("visits, each once")
				.isEqualTo(CALLS);
			assertThat(restart.lines()).noneMatch((line) -> line.contains("Exception in thread"));
			Measurements.record(String.format("graceful restart on the %s store, %d calls: none leased after "
					+ "SIGTERM, all done %d s after the restart", name, CALLS, seconds));
		}
	}

	private JavaProcess instance(String name, List<String> store, int calls, String work) {
		List<String> arguments = List.of("--fanout.instance=" + name, "--fanout.calls=" + calls,
				"--fanout.work=" + work, "--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(),
				"--dispatch.scheduler.concurrency=" + CONCURRENCY);
		return JavaProcess.start(name, List.of("-Xmx512m"), FanOutApplication.class,
				Stream.concat(arguments.stream(), store.stream()).toList());
	}

}
