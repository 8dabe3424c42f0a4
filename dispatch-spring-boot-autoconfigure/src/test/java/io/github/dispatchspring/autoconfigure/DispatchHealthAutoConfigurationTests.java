package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.observability.DispatchHealthIndicator;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.StoreStatistics;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code dispatch} health indicator: the store reachable, the scheduler running, the backlog of
 * due calls and its thresholds.
 */
class DispatchHealthAutoConfigurationTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory");

	@Test
	void reportsUpWithTheStoreAndTheBacklogInItsDetails() {
		this.contextRunner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("store", "memory")
				.containsEntry("scheduler", "running")
				.containsEntry("runningCalls", 0)
				.containsEntry("dueCalls", 0L)
				.containsEntry("leasedCalls", 0L)
				.doesNotContainKeys("oldestDueCall", "backlog");
		});
	}

	@Test
	void reportsDownWhenTheStoreCannotBeRead(@TempDir Path directory) {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=embedded",
				"dispatch.scheduler.embedded.directory=" + directory)
			.run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				context.getBean(StoreDataSource.class).close();
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsKey("error");
			});
	}

	@Test
	void reportsOutOfServiceWhenTheSchedulerStopped() {
		this.contextRunner.run((context) -> {
			context.getBean(EmbeddedScheduler.class).stop();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("scheduler", "stopped");
		});
	}

	@Test
	void tellsOfACallDueForLongerThanTheThresholdAndStaysUp() {
		oneCallAtATime("dispatch.health.max-due-age=1m").run((context) -> withABacklog(context, () -> {
				this.clock.advance(Duration.ofSeconds(30));
				assertThat(health(context).getDetails()).containsEntry("oldestDueAge", "PT30S")
					.doesNotContainKey("backlog");
				this.clock.advance(Duration.ofSeconds(60));
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("dueCalls", 1L)
					.containsEntry("leasedCalls", 1L)
					.containsEntry("runningCalls", 1)
					.containsEntry("oldestDueCall", "2030-01-01T00:00:00Z")
					.containsEntry("oldestDueAge", "PT1M30S")
					.containsEntry("backlog", "the call due the longest has waited PT1M30S, more than "
							+ "dispatch.health.max-due-age (PT1M)");
			}));
	}

	@Test
	void reportsTheConfiguredStatusForABacklogPastTheThreshold() {
		oneCallAtATime("dispatch.health.max-due-age=1m", "dispatch.health.backlog-status=out_of_service").run((context) -> withABacklog(context, () -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				this.clock.advance(Duration.ofMinutes(2));
				assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			}));
	}

	@Test
	void tellsOfMoreDueCallsThanTheThreshold() {
		oneCallAtATime("dispatch.health.max-due-calls=1").run((context) -> withABacklog(context, () -> {
				assertThat(health(context).getDetails()).doesNotContainKey("backlog");
				context.getBean(DispatchClient.class).dispatch("hold", "third");
				assertThat(health(context).getDetails()).containsEntry("backlog",
						"2 calls are due, more than dispatch.health.max-due-calls (1)");
			}));
	}

	@Test
	void backsOffWhenTheApplicationDefinesDispatchHealthIndicator() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withBean("dispatchHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DispatchHealthIndicator.class);
				assertThat(context).getBean("dispatchHealthIndicator").isSameAs(own);
			});
	}

	@Test
	void isLeftOutWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.dispatch.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DispatchHealthIndicator.class));
	}

	@Test
	void isLeftOutWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Health.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DispatchHealthIndicator.class));
	}

	@Test
	void isLeftOutWithoutTheEmbeddedScheduler() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(DispatchHealthIndicator.class));
	}

	/** A scheduler running one call at a time on the test's clock, with the given properties. */
	private ApplicationContextRunner oneCallAtATime(String... properties) {
		return this.contextRunner.withPropertyValues("dispatch.scheduler.concurrency=1")
			.withPropertyValues(properties)
			.withBean(Clock.class, () -> this.clock)
			.withBean(Holds.class);
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(DispatchHealthIndicator.class).health(true);
	}

	/**
	 * Runs checks with one call running and one due behind it, the scheduler running one call at a
	 * time.
	 */
	private static void withABacklog(AssertableApplicationContext context, Runnable checks) {
		Holds holds = context.getBean(Holds.class);
		try {
			DispatchClient client = context.getBean(DispatchClient.class);
			client.dispatch("hold", "first");
			client.dispatch("hold", "second");
			StoreStatistics statistics = context.getBean(StoreStatistics.class);
			Instant now = context.getBean(Clock.class).instant();
			await().atMost(Duration.ofSeconds(30)).until(() -> holds.running.getCount() == 0
					&& statistics.backlog(now).due() == 1);
			checks.run();
		}
		finally {
			holds.release.countDown();
		}
	}

	static class Holds {

		final CountDownLatch running = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@DispatchFunction
		public String hold(String input) throws InterruptedException {
			this.running.countDown();
			this.release.await(1, TimeUnit.MINUTES);
			return input;
		}

	}

}
