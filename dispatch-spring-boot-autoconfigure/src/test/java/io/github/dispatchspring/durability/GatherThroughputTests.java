package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.durability.gather.GatherApplication;
import io.github.dispatchspring.scheduler.jdbc.LockWaits;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures calls per second of a 10,000-call fan-out in-process, on the embedded store and on
 * PostgreSQL, and PostgreSQL transactions per call: once with a function gathering the calls (each
 * result goes to the parent's inbox), once with the client gathering them as root calls. Each run
 * has an application of its own, after a warm-up run in the same JVM; on PostgreSQL the sessions
 * waiting for a lock are sampled during the run. Run with {@code -Pdurability-benchmarks}.
 */
@Tag("benchmark")
class GatherThroughputTests {

	private static final int CALLS = 10_000;

	private static final int WARM_UP_CALLS = 2_000;

	private static final List<Integer> INDEXES = IntStream.range(0, CALLS).boxed().toList();

	@Test
	void embeddedStore(@TempDir Path directory) {
		measure("embedded", List.of("dispatch.scheduler.embedded.directory=" + directory), null);
	}

	@Test
	void postgresStore() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		measure("postgresql", List.of("dispatch.scheduler.store=jdbc", "dispatch.scheduler.jdbc.url=" + database.jdbcUrl(),
				"dispatch.scheduler.jdbc.username=" + database.username(),
				"dispatch.scheduler.jdbc.password=" + database.password()), database);
	}

	private void measure(String store, List<String> properties, @Nullable PostgresTestDatabase database) {
		run(properties, (client) -> client.gather("gatherEchoes", List.of(WARM_UP_CALLS), Integer.class));
		measure(store + " store, a function gathers " + CALLS + " calls", CALLS + 1, properties, database,
				(client) -> assertThat(client.gather("gatherEchoes", List.of(CALLS), Integer.class)).containsExactly(CALLS));
		measure(store + " store, the client gathers " + CALLS + " root calls", CALLS, properties, database,
				(client) -> assertThat(client.gather("echo", INDEXES, Integer.class)).isEqualTo(INDEXES));
	}

	private void measure(String workload, int calls, List<String> properties, @Nullable PostgresTestDatabase database,
			Consumer<DispatchClient> body) {
		long transactionsBefore = (database != null) ? database.committedTransactions() : 0;
		AtomicReference<String> lockWaits = new AtomicReference<>("");
		long nanos = run(properties, (client) -> {
			try (LockWaits waits = (database != null) ? LockWaits.sample(database) : null) {
				long start = System.nanoTime();
				body.accept(client);
				long elapsed = System.nanoTime() - start;
				lockWaits.set((waits != null) ? "; " + waits.summary() : "");
				return elapsed;
			}
		});
		String line = String.format("%s: %d calls in %d ms, %.0f calls/s", workload, calls, nanos / 1_000_000,
				calls * 1e9 / nanos);
		if (database != null) {
			long transactions = database.committedTransactions() - transactionsBefore;
			line += String.format(", %d transactions committed (application start and stop included), %.2f per call",
					transactions, (double) transactions / CALLS);
		}
		Measurements.record(line + lockWaits.get());
	}

	private static <T> T run(List<String> properties, Function<DispatchClient, T> body) {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(GatherApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run()) {
			return body.apply(application.getBean(DispatchClient.class));
		}
	}

}
