package io.github.dispatchspring.test;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DispatchTestKitAutoConfiguration} in applications the kit cannot serve.
 */
class DispatchTestKitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DispatchTestKitAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all());

	@Test
	void failsToStartWhenCallsGoToARemoteDispatchApi() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("remove dispatch.api-url from the test's properties"));
	}

	@Test
	void takesTheRunningOfCallsOverFromTheEmbeddedScheduler() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DispatchTestKit.class);
			assertThat(context.getBean(EmbeddedScheduler.class).isAutoStartup())
				.isFalse();
			assertThat(context.getBean(CallInvoker.class))
				.isInstanceOf(FailingCallInvoker.class);
			assertThat(context.getBean(CallSubmitter.class))
				.isInstanceOf(ForegroundCallSubmitter.class);
			assertThat(context.getBean(CallStore.class))
				.isSameAs(context.getBean(InMemoryCallStore.class));
		});
	}

}
