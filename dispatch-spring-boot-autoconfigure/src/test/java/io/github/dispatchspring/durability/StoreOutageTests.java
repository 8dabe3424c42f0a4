package io.github.dispatchspring.durability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.durability.fanout.FanOutApplication;
import io.github.dispatchspring.durability.fanout.Visits;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops while a function of an application gathers 500 calls on it, and starts again a
 * few seconds later: nothing is lost, every call ends once and without error, the suspended function
 * resumes, the caller waiting for it waits through the outage, dispatches during the outage fail as
 * temporary errors, and the scheduler, its workers and its wake-up channel carry on once the database
 * is back, with the outage logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreOutageTests {

	private static final int CALLS = 500;

	private static final Duration OUTAGE = Duration.ofSeconds(3);

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	private final StoredCalls calls = new StoredCalls(this.database.dataSource());

	@Test
	void runsEveryCallOnceAcrossADatabaseRestart(CapturedOutput output) throws Exception {
		Visits.createTable(this.jdbc);
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);
			CompletableFuture<List<Integer>> visited = CompletableFuture
				.supplyAsync(() -> client.gather("visitAll", List.of(CALLS), Integer.class));
			await("a tenth of the calls done").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> this.calls.count("visit", "DONE") >= CALLS / 10);
			assertThat(this.calls.count("visit", "DONE")).as("calls done when the database stops").isLessThan(CALLS);
			this.database.stopServer();
			try {
				assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> client.dispatch("visit", CALLS))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.TEMPORARY_ERROR))
					.withMessageContaining("not accepted");
				assertThatExceptionOfType(DispatchException.class)
					.isThrownBy(() -> dispatch(client, IntStream.range(CALLS, CALLS + 10)))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.TEMPORARY_ERROR));
				Thread.sleep(OUTAGE.toMillis());
			}
			finally {
				this.database.startServer();
			}
			assertThat(visited.get(2, TimeUnit.MINUTES)).containsExactly(CALLS);
			client.dispatch("visit", CALLS);
			await("a call dispatched after the outage done").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.calls.count("visit", "DONE") == CALLS + 1);
		}
		assertThat(this.calls.count("visit")).isEqualTo(CALLS + 1);
		assertThat(this.calls.results("visit")).isEqualTo(CALLS + 1);
		assertThat(this.calls.errors("visit")).isEmpty();
		assertThat(this.calls.count("visitAll", "DONE")).isOne();
		assertThat(this.calls.inboxSize()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT item) FROM visits", Long.class)).isEqualTo(CALLS + 1);
		assertThat(this.jdbc.queryForObject("SELECT MAX(item) FROM visits", Integer.class)).isEqualTo(CALLS);
		assertThat(output).containsOnlyOnce("The Dispatch call store failed")
			.contains("The Dispatch call store is back")
			.contains("Listening for Dispatch wake-ups on 'dispatch_work' again")
			.doesNotContain("Exception in thread");
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FanOutApplication.class).web(WebApplicationType.NONE)
			.properties("fanout.instance=solo", "fanout.work=100ms",
					"spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + this.database.password(),
					"spring.datasource.hikari.connection-timeout=1000",
					"dispatch.scheduler.store=jdbc",
					"dispatch.scheduler.jdbc.url=" + this.database.jdbcUrl(),
					"dispatch.scheduler.jdbc.username=" + this.database.username(),
					"dispatch.scheduler.jdbc.password=" + this.database.password(),
					"dispatch.scheduler.jdbc.connection-timeout=1s",
					"dispatch.scheduler.concurrency=8")
			.run();
	}

	private static void dispatch(DispatchClient client, IntStream items) {
		DispatchBatch batch = client.batch();
		items.forEach((item) -> batch.add("visit", item));
		batch.dispatch();
	}

}
