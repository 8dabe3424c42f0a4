package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.observability.DispatchEndpoint;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator endpoint {@code dispatch}: functions with their settings, the scheduler, the calls of
 * its store by state and the instances sharing it.
 */
class DispatchEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory", "management.endpoints.web.exposure.include=dispatch")
		.withBean(GreetingFunctions.class);

	@Test
	void describesTheFunctionsWithTheSettingsTheirCallsRunWith() {
		this.contextRunner.withPropertyValues("dispatch.defaults.retry.max-attempts=5").run((context) -> {
			DispatchEndpoint.Report report = context.getBean(DispatchEndpoint.class).report();
			assertThat(report.functions()).containsOnlyKeys("greet");
			DispatchEndpoint.FunctionDescription greet = report.functions().get("greet");
			assertThat(greet.method()).isEqualTo(GreetingFunctions.class.getName() + ".greet");
			assertThat(greet.input()).isEqualTo("java.lang.String");
			assertThat(greet.settings()).containsEntry("retryMaxAttempts", 5)
				.containsEntry("retryInitialInterval", "PT0.1S")
				.containsEntry("inProcess", true)
				.containsEntry("expiration", null);
		});
	}

	@Test
	void describesEachFunctionWithItsOwnPolicy() {
		this.contextRunner
			.withPropertyValues("dispatch.functions.greet.timeout=30s", "dispatch.functions.greet.concurrency=3",
					"dispatch.functions.greet.retry.no-retry-statuses=THROTTLED", "dispatch.defaults.expiration=1h")
			.run((context) -> {
				Map<String, Object> greet = context.getBean(DispatchEndpoint.class).report().functions().get("greet")
					.settings();
				assertThat(greet).containsEntry("timeout", "PT30S")
					.containsEntry("concurrency", 3)
					.containsEntry("noRetryStatuses", List.of("THROTTLED"))
					.containsEntry("expiration", "PT1H")
					.containsEntry("retryMaxAttempts", 20);
			});
	}

	@Test
	void describesTheSchedulerAndCountsTheCallsOfItsStoreByState() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.concurrency=8").run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1));
			DispatchEndpoint.Report report = context.getBean(DispatchEndpoint.class).report();
			assertThat(report.scheduler().state()).isEqualTo("running");
			assertThat(report.scheduler().store()).isEqualTo("memory");
			assertThat(report.scheduler().settings()).containsEntry("concurrency", 8)
				.containsEntry("leaseDuration", "PT5M");
			assertThat(report.calls()).isEqualTo(new DispatchEndpoint.CallsDescription(0, 0, 0, 1, 0, null, null));
		});
	}

	@Test
	void listsTheInstancesSharingTheStore(@TempDir Path directory) {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.store=embedded", "dispatch.scheduler.embedded.directory=" + directory,
					"spring.application.name=greeter", "dispatch.endpoint-url=http://greeter.internal:8080")
			.run((context) -> {
				DispatchEndpoint.Report report = context.getBean(DispatchEndpoint.class).report();
				assertThat(report.scheduler().store()).isEqualTo("embedded");
				assertThat(report.instances()).singleElement().satisfies((instance) -> {
					assertThat(instance.application()).isEqualTo("greeter");
					assertThat(instance.endpoint()).isEqualTo("http://greeter.internal:8080");
					assertThat(instance.functions()).containsExactly("greet");
				});
			});
	}

	@Test
	void describesTheFunctionsAloneWithoutTheEmbeddedScheduler() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com").run((context) -> {
			DispatchEndpoint.Report report = context.getBean(DispatchEndpoint.class).report();
			assertThat(report.functions()).containsOnlyKeys("greet");
			assertThat(report.scheduler()).isNull();
			assertThat(report.calls()).isNull();
			assertThat(report.instances()).isEmpty();
		});
	}

	@Test
	void isLeftOutUnlessTheEndpointIsAvailable() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(DispatchEndpoint.class));
	}

	@Test
	void isLeftOutWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DispatchEndpoint.class));
	}

}
