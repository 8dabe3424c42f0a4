package io.github.dispatchspring.cancel;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two instances of an application share one PostgreSQL store: a call running on one of them is
 * cancelled through the other, and the instance running it learns of it and interrupts it.
 */
class CancellationAcrossInstancesTests {

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	@Test
	void theInstanceRunningACallCancelledByAnotherInterruptsIt() throws Exception {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			String key = "shared-" + System.nanoTime();
			DispatchId id = first.getBean(DispatchClient.class).dispatch("sleeper", key);
			Sleepers onFirst = first.getBean(Sleepers.class);
			Sleepers onSecond = second.getBean(Sleepers.class);
			CancellationTests.await(() -> onFirst.started.contains(key) || onSecond.started.contains(key));
			boolean firstRunsIt = onFirst.started.contains(key);
			Sleepers runner = firstRunsIt ? onFirst : onSecond;
			DispatchClient other = (firstRunsIt ? second : first).getBean(DispatchClient.class);

			assertThat(other.cancel(id)).isEqualTo(Cancellation.CANCELLING);

			assertThatExceptionOfType(CallFailedException.class)
				.isThrownBy(() -> other.await(id, String.class, CancellationTests.TIMEOUT))
				.satisfies((ex) -> assertThat(ex.isCancelled()).isTrue());
			assertThat(runner.interrupted).containsExactly(key);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CancellationTests.SleepersApplication.class).web(WebApplicationType.NONE)
			.run("--dispatch.scheduler.store=jdbc", "--dispatch.scheduler.jdbc.url=" + this.database.jdbcUrl(),
					"--dispatch.scheduler.jdbc.username=" + this.database.username(),
					"--dispatch.scheduler.jdbc.password=" + this.database.password());
	}

}
