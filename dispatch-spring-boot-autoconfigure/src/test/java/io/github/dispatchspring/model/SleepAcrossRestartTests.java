package io.github.dispatchspring.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function sleeping three seconds is suspended in the embedded store, not in a thread: stopped
 * during the sleep, the application started again on the same store resumes it once, after the
 * sleep.
 */
class SleepAcrossRestartTests {

	private static final AtomicInteger woke = new AtomicInteger();

	@TempDir
	Path directory;

	@Test
	void resumesASleepingFunctionOnceAfterARestart() throws Exception {
		DispatchId id;
		Instant dispatched = Instant.now();
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);
			id = client.dispatch("sleepThreeSeconds", "alarm");
			ProgrammingModelTests.await(() -> client.status(id).state() == CallStatus.State.SUSPENDED);
		}
		assertThat(woke).hasValue(0);
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);
			assertThat(client.await(id, String.class, Duration.ofMinutes(1))).isEqualTo("alarm rang");
			assertThat(client.status(id).endedAt()).isAfterOrEqualTo(dispatched.plusSeconds(3));
		}
		assertThat(woke).hasValue(1);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SleepingApplication.class).web(WebApplicationType.NONE)
			.run("--dispatch.scheduler.embedded.directory=" + this.directory);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Alarm.class)
	static class SleepingApplication {

	}

	static class Alarm {

		private final DispatchClient client;

		Alarm(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		String sleepThreeSeconds(String name) {
			this.client.sleep(Duration.ofSeconds(3));
			woke.incrementAndGet();
			return name + " rang";
		}

	}

}
