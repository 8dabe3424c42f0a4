package io.github.dispatchspring.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application, each with its own scheduler of 64 workers, share one PostgreSQL
 * store, and both dispatch calls of limited functions. The functions record when they run, in
 * structures both instances share: a function limited to 3 calls at once never runs more than 3 at
 * once across both, and a function limited to 5 starts a second never starts more than 5 within a
 * second across both, and every call completes.
 */
class FunctionLimitsAcrossInstancesTests {

	private static final int CONCURRENCY = 3;

	private static final int STARTS = 5;

	private static final Duration PERIOD = Duration.ofSeconds(1);

	private static final Duration AWAIT = Duration.ofMinutes(2);

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	@Test
	void aFunctionLimitedTo3NeverRunsMoreThan3CallsAtOnceAcrossInstances() {
		try (ConfigurableApplicationContext first = start("first");
				ConfigurableApplicationContext second = start("second")) {
			runFromBoth(first, second, "slow", 30);

			assertThat(Work.RUNNING.get()).isZero();
			assertThat(Work.MOST_RUNNING.get()).as("most calls running at once").isEqualTo(CONCURRENCY);
			assertThat(Work.RUNS_BY_INSTANCE.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(60);
		}
	}

	@Test
	void aFunctionLimitedTo5StartsASecondNeverStartsMoreWithinASecondAcrossInstances() {
		try (ConfigurableApplicationContext first = start("first");
				ConfigurableApplicationContext second = start("second")) {
			runFromBoth(first, second, "paced", 10);

			List<Long> starts = Work.STARTS.stream().sorted().toList();
			assertThat(starts).hasSize(20);
			// The store counts a start when it leases the call; the function sees it a moment later, by
			// a delay that differs from call to call. 100 ms allow for that difference, far less than
			// the whole second that separates the starts the limit allows from those it holds back.
			for (int i = 0; i + STARTS < starts.size(); i++) {
				assertThat(Duration.ofNanos(starts.get(i + STARTS) - starts.get(i)))
					.as("time between start %d and start %d", i, i + STARTS)
					.isGreaterThan(PERIOD.minusMillis(100));
			}
		}
	}

	/** Dispatches calls of a function from both instances, taking turns, and waits for all results. */
	private static void runFromBoth(ConfigurableApplicationContext first, ConfigurableApplicationContext second,
			String function, int callsEach) {
		List<DispatchId> ids = new ArrayList<>();
		for (int item = 0; item < callsEach; item++) {
			ids.add(first.getBean(DispatchClient.class).dispatch(function, item));
			ids.add(second.getBean(DispatchClient.class).dispatch(function, item));
		}
		for (DispatchId id : ids) {
			assertThat(first.getBean(DispatchClient.class).await(id, String.class, AWAIT)).isNotNull();
		}
	}

	private ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(WorkApplication.class).web(WebApplicationType.NONE)
			.run("--work.instance=" + instance, "--dispatch.scheduler.store=jdbc",
					"--dispatch.scheduler.jdbc.url=" + this.database.jdbcUrl(),
					"--dispatch.scheduler.jdbc.username=" + this.database.username(),
					"--dispatch.scheduler.jdbc.password=" + this.database.password(),
					"--dispatch.functions.slow.concurrency=" + CONCURRENCY,
					"--dispatch.functions.paced.rate-limit.limit=" + STARTS,
					"--dispatch.functions.paced.rate-limit.period=" + PERIOD.toMillis() + "ms");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Work.class)
	static class WorkApplication {

	}

	/**
	 * The limited functions, recording their runs in structures shared by both instances, which run in
	 * this JVM.
	 */
	static class Work {

		static final AtomicInteger RUNNING = new AtomicInteger();

		static final AtomicInteger MOST_RUNNING = new AtomicInteger();

		static final Map<String, AtomicInteger> RUNS_BY_INSTANCE = new ConcurrentHashMap<>();

		static final ConcurrentLinkedQueue<Long> STARTS = new ConcurrentLinkedQueue<>();

		private final String instance;

		Work(@Value("${work.instance}") String instance) {
			this.instance = instance;
		}

		@DispatchFunction
		String slow(int item) throws InterruptedException {
			MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
			try {
				RUNS_BY_INSTANCE.computeIfAbsent(this.instance, (name) -> new AtomicInteger()).incrementAndGet();
				Thread.sleep(100);
				return this.instance + " ran " + item;
			}
			finally {
				RUNNING.decrementAndGet();
			}
		}

		@DispatchFunction
		String paced(int item) {
			STARTS.add(System.nanoTime());
			return this.instance + " started " + item;
		}

	}

}
