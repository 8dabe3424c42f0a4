package io.github.dispatchspring.scheduler;

import java.util.List;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.testsupport.WebhookRequests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code dispatch.scheduler.in-process}: the scheduler runs this application's own
 * functions in-process, or through its webhook when switched off.
 */
class InProcessInvocationTests {

	@Test
	void runsTheApplicationsOwnFunctionsInProcessByDefault() {
		assertThat(webhookRequestsToGatherThreeCalls()).isZero();
	}

	@Test
	void runsTheApplicationsOwnFunctionsThroughItsWebhookWhenSwitchedOff() {
		assertThat(webhookRequestsToGatherThreeCalls("dispatch.scheduler.in-process=false")).isEqualTo(3);
	}

	private int webhookRequestsToGatherThreeCalls(String... properties) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EchoApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "dispatch.scheduler.store=memory")
			.properties(properties)
			.run()) {
			List<String> results = context.getBean(DispatchClient.class).gather("echo", List.of("a", "b", "c"),
					String.class);
			assertThat(results).containsExactly("a", "b", "c");
			return context.getBean(WebhookRequests.class).count().get();
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EchoApplication {

		@Bean
		Echo echo() {
			return new Echo();
		}

		@Bean
		WebhookRequests webhookRequests() {
			return new WebhookRequests();
		}

		@Bean
		OncePerRequestFilter webhookRequestCounter(WebhookRequests requests) {
			return requests.counter();
		}

	}


	static class Echo {

		@DispatchFunction
		String echo(String value) {
			return value;
		}

	}

}
