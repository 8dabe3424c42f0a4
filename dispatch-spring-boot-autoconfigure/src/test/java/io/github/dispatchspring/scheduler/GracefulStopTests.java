package io.github.dispatchspring.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application on the embedded store stops while calls run: calls that end within the shutdown
 * timeout are recorded, and the lease of a call still running when it is over is handed back, so
 * that the call is due at once and runs as soon as the application starts again, well before its
 * five-minute lease would have expired. The worker it interrupts records nothing.
 */
class GracefulStopTests {

	/**
	 * The shutdown timeout, shorter than the default ten seconds only so that the tests do not wait
	 * that long for a call that never ends; nothing checked depends on its length.
	 */
	private static final String SHUTDOWN_TIMEOUT = "dispatch.scheduler.shutdown-timeout=2s";

	@TempDir
	Path directory;

	@Test
	void recordsTheCallsThatEndWithinTheShutdownTimeout() throws Exception {
		DispatchId id;
		try (ConfigurableApplicationContext application = start(true)) {
			id = application.getBean(DispatchClient.class).dispatch("brief", 500);
			assertThat(application.getBean(Functions.class).started.await(30, TimeUnit.SECONDS)).isTrue();
		}

		StoredCalls calls = StoredCalls.inEmbeddedStore(this.directory);
		assertThat(calls.state(id.value())).isEqualTo("DONE");
		assertThat(calls.errors("brief")).isEmpty();
	}

	@Test
	void handsBackTheLeaseOfACallStillRunningWhenTheShutdownTimeoutIsOver() throws Exception {
		DispatchId id;
		try (ConfigurableApplicationContext application = start(true)) {
			id = application.getBean(DispatchClient.class).dispatch("endless", "job");
			assertThat(application.getBean(Functions.class).started.await(30, TimeUnit.SECONDS)).isTrue();
		}
		Instant stopped = Instant.now();

		StoredCalls calls = StoredCalls.inEmbeddedStore(this.directory);
		assertThat(calls.leased()).isZero();
		assertThat(calls.state(id.value())).isEqualTo("PENDING");
		assertThat(calls.dueAt(id.value())).isBeforeOrEqualTo(stopped);
		assertThat(calls.attempt(id.value())).as("attempts recorded by the interrupted worker").isZero();

		try (ConfigurableApplicationContext application = start(false)) {
			String result = application.getBean(DispatchClient.class).await(id, String.class, Duration.ofSeconds(60));

			assertThat(result).isEqualTo("job ended");
		}
	}

	private ConfigurableApplicationContext start(boolean endless) {
		return new SpringApplicationBuilder(StoppingApplication.class).web(WebApplicationType.NONE)
			.run("--dispatch.scheduler.embedded.directory=" + this.directory, "--" + SHUTDOWN_TIMEOUT,
					"--endless=" + endless);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class StoppingApplication {

	}

	static class Functions {

		final CountDownLatch started = new CountDownLatch(1);

		private final boolean endless;

		Functions(@Value("${endless}") boolean endless) {
			this.endless = endless;
		}

		@DispatchFunction
		void brief(int millis) throws InterruptedException {
			this.started.countDown();
			Thread.sleep(millis);
		}

		@DispatchFunction
		String endless(String name) throws InterruptedException {
			this.started.countDown();
			if (this.endless) {
				Thread.sleep(Duration.ofHours(1).toMillis());
			}
			return name + " ended";
		}

	}

}
