package io.github.dispatchspring.durability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.dispatchspring.durability.fanout.FanOutApplication;
import io.github.dispatchspring.durability.fanout.Visits;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two JVMs share one PostgreSQL store; the one that dispatched a fan-out of 5,000 calls is killed
 * with {@code SIGKILL} half-way, and the other one runs everything that is left within a minute of
 * the kill, including the calls the dead one had leased. Leases and heartbeats are the defaults: the
 * survivor takes those calls once the victim has been silent for the instance timeout (ten seconds),
 * not when their five-minute leases expire. When the instances serve their webhook, the victim's
 * calls are addressed to its own endpoint, and the survivor still runs them in-process: they are
 * calls of the same application, registered in the same store.
 */
class TwoInstancesTests {

	private static final int CALLS = 5_000;

	private static final int CONCURRENCY = 32;

	private static final Pattern STARTED = Pattern.compile("Started FanOutApplication in");

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	private final StoredCalls calls = new StoredCalls(this.database.dataSource());

	@Test
	void survivorFinishesTheFanOutOfAKilledInstance() {
		survivorFinishesAfterTheVictimIsKilled(List.of());
	}

	@Test
	void survivorRunsInProcessTheCallsAddressedToAKilledInstance() {
		survivorFinishesAfterTheVictimIsKilled(List.of("--spring.main.web-application-type=servlet", "--server.port=0"));

		List<String> endpoints = this.jdbc.queryForList("SELECT DISTINCT endpoint FROM dispatch_calls", String.class);
		assertThat(endpoints).as("the victim's calls are addressed to its own endpoint").singleElement()
			.satisfies((endpoint) -> assertThat(endpoint).matches("http://localhost:\\d+"));
		assertThat(this.jdbc.queryForList("SELECT endpoint FROM dispatch_instances", String.class))
			.as("both instances registered with their own endpoint").hasSize(2).contains(endpoints.get(0))
			.doesNotHaveDuplicates();
	}

	/**
	 * Runs the fan-out of the victim and kills it half-way; since the victim is gone, every call done
	 * after the kill ran in the survivor, in-process, whatever endpoint the call is addressed to.
	 */
	private void survivorFinishesAfterTheVictimIsKilled(List<String> web) {
		Visits.createTable(this.jdbc);
		try (JavaProcess survivor = instance("survivor", 0, web)) {
			survivor.awaitLine(STARTED, Duration.ofMinutes(2));
			try (JavaProcess victim = instance("victim", CALLS, web)) {
				await("both instances visiting, " + CALLS / 10 + " calls done").atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> this.calls.count("visit", "DONE") >= CALLS / 10
							&& visitsByInstance().keySet().containsAll(List.of("victim", "survivor")));
				victim.kill();
			}
			long killed = System.nanoTime();
			long doneWhenKilled = this.calls.count("visit", "DONE");
			Map<String, Long> visitsWhenKilled = visitsByInstance();
			await("every call done within a minute of the kill").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.calls.count("visit", "DONE") == CALLS);
			long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();

			assertThat(doneWhenKilled).isLessThan(CALLS);
			assertThat(this.calls.count("visit")).isEqualTo(CALLS);
			assertThat(this.calls.results("visit")).isEqualTo(CALLS);
			assertThat(this.calls.distinctInputs("visit")).isEqualTo(CALLS);
			assertThat(distinctVisitedItems()).isEqualTo(CALLS);
			assertThat(visitsByInstance().get("survivor")).isGreaterThan(visitsWhenKilled.get("survivor"));
			assertThat(visitsByInstance().get("victim")).isEqualTo(visitsWhenKilled.get("victim"));
			assertThat(itemsVisitedTwice()).as("calls the victim was running when it was killed")
				.isLessThanOrEqualTo(CONCURRENCY);
			assertThat(survivor.lines()).noneMatch((line) -> line.contains("Exception in thread"));
			Measurements.record(String.format("two instances, %d calls: %d done when the victim was killed; "
					+ "visits by the victim %d, by the survivor %d; %d calls ran twice; all done %d s after the kill",
					CALLS, doneWhenKilled, visitsByInstance().get("victim"), visitsByInstance().get("survivor"),
					itemsVisitedTwice(), seconds));
		}
	}

	private JavaProcess instance(String name, int calls, List<String> web) {
		return JavaProcess.start(name, List.of("-Xmx512m"), FanOutApplication.class,
				Stream.concat(web.stream(), Stream.of("--fanout.instance=" + name, "--fanout.calls=" + calls,
						"--spring.datasource.url=" + this.database.jdbcUrl(),
						"--spring.datasource.username=" + this.database.username(),
						"--spring.datasource.password=" + this.database.password(),
						"--dispatch.scheduler.store=jdbc",
						"--dispatch.scheduler.jdbc.url=" + this.database.jdbcUrl(),
						"--dispatch.scheduler.jdbc.username=" + this.database.username(),
						"--dispatch.scheduler.jdbc.password=" + this.database.password(),
						"--dispatch.scheduler.concurrency=" + CONCURRENCY))
					.toList());
	}

	private Map<String, Long> visitsByInstance() {
		return this.jdbc.queryForList("SELECT instance, COUNT(*) AS visits FROM visits GROUP BY instance")
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("instance"), (row) -> ((Number) row.get("visits")).longValue()));
	}

	private long distinctVisitedItems() {
		return this.jdbc.queryForObject("SELECT COUNT(DISTINCT item) FROM visits", Long.class);
	}

	private long itemsVisitedTwice() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT item FROM visits GROUP BY item HAVING COUNT(*) > 1) repeated", Long.class);
	}

}
