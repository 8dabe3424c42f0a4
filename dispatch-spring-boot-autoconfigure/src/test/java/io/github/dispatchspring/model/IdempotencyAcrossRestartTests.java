package io.github.dispatchspring.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
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
 * The embedded store keeps an idempotency key on disk with its call: after a restart, a dispatch
 * with the key of a call that ended returns that call's id and runs nothing.
 */
class IdempotencyAcrossRestartTests {

	private static final AtomicInteger charged = new AtomicInteger();

	@TempDir
	Path directory;

	@Test
	void keepsTheKeyOfAnEndedCallAcrossARestart() {
		DispatchId first;
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);
			first = client.dispatch("chargeOnce", "order-7", DispatchOptions.idempotencyKey("order-7"));
			assertThat(client.await(first, String.class, Duration.ofMinutes(1))).isEqualTo("charged order-7");
		}
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);
			DispatchId again = client.dispatch("chargeOnce", "order-7", DispatchOptions.idempotencyKey("order-7"));
			assertThat(again).isEqualTo(first);
			assertThat(client.status(again).state()).isEqualTo(CallStatus.State.DONE);
		}
		assertThat(charged).hasValue(1);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ChargingApplication.class).web(WebApplicationType.NONE)
			.run("--dispatch.scheduler.embedded.directory=" + this.directory);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Charges.class)
	static class ChargingApplication {

	}

	static class Charges {

		@DispatchFunction
		String chargeOnce(String order) {
			charged.incrementAndGet();
			return "charged " + order;
		}

	}

}
