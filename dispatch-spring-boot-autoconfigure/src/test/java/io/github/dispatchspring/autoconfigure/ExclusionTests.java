package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.function.DispatchFunctionDiscoverer;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each auto-configuration can be excluded on its own ({@code spring.autoconfigure.exclude}); the
 * others keep working and what depends on the excluded part is left out.
 */
class ExclusionTests {

	private static WebApplicationContextRunner without(Class<?> excluded) {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withConfiguration(DispatchAutoConfigurations.allBut(excluded))
			.withPropertyValues("dispatch.scheduler.store=memory");
	}

	@Test
	void registersOneAutoConfigurationPerConcern() {
		assertThat(DispatchAutoConfigurations.registered()).containsExactly(DispatchFunctionAutoConfiguration.class,
				DispatchEmbeddedStoreAutoConfiguration.class, DispatchJdbcStoreAutoConfiguration.class,
				DispatchMemoryStoreAutoConfiguration.class, DispatchSchedulerAutoConfiguration.class,
				DispatchApiAutoConfiguration.class, DispatchRemoteAutoConfiguration.class,
				DispatchClientAutoConfiguration.class, DispatchWebhookAutoConfiguration.class,
				DispatchHealthAutoConfiguration.class, DispatchEndpointAutoConfiguration.class,
				DispatchInfoAutoConfiguration.class,
				DispatchMetricsAutoConfiguration.class, DispatchObservationAutoConfiguration.class,
				DispatchDashboardAutoConfiguration.class);
	}

	@Test
	void withoutTheFunctionAutoConfigurationTheApplicationSuppliesItsParts() {
		FunctionRegistry registry = new FunctionRegistry();
		ValueCodec codec = new ValueCodec(new JsonMapper());
		without(DispatchFunctionAutoConfiguration.class).withBean(FunctionRegistry.class, () -> registry)
			.withBean(ValueCodec.class, () -> codec)
			.withBean(FunctionRunner.class, () -> new FunctionRunner(registry, codec, null, 1024 * 1024, Clock.systemUTC()))
			.withBean(LocalEndpoint.class, () -> new LocalEndpoint("http://localhost:8080", "localhost", 8080))
			.withBean(Clock.class, Clock::systemUTC)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DispatchFunctionDiscoverer.class);
				assertThat(context).hasSingleBean(EmbeddedScheduler.class);
				assertThat(context).hasSingleBean(FunctionWebhookController.class);
				assertThat(context).hasSingleBean(DispatchClient.class);
			});
	}

	@Test
	void withoutTheEmbeddedStoreTheSchedulerRunsOnTheApplicationsStore() {
		without(DispatchEmbeddedStoreAutoConfiguration.class).withPropertyValues("dispatch.scheduler.store=embedded")
			.withBean(CallStore.class, () -> new InMemoryCallStore(Clock.systemUTC()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(StoreDataSource.class);
				assertThat(context).hasSingleBean(EmbeddedScheduler.class);
			});
	}

	@Test
	void withoutTheMemoryStoreTheSchedulerRunsOnTheApplicationsStore() {
		without(DispatchMemoryStoreAutoConfiguration.class)
			.withBean(CallStore.class, () -> new InMemoryCallStore(Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(EmbeddedScheduler.class));
	}

	@Test
	void withoutTheSharedStoreTheSchedulerRunsOnTheApplicationsStore() {
		without(DispatchJdbcStoreAutoConfiguration.class).withPropertyValues("dispatch.scheduler.store=jdbc")
			.withBean(CallStore.class, () -> new InMemoryCallStore(Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(EmbeddedScheduler.class));
	}

	@Test
	void withoutTheSchedulerTheWebhookStillServesFunctions() {
		without(DispatchSchedulerAutoConfiguration.class).withPropertyValues("dispatch.webhook.allow-unsigned=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedScheduler.class);
				assertThat(context).doesNotHaveBean(DispatchApiController.class);
				assertThat(context).doesNotHaveBean(DispatchClient.class);
				assertThat(context).hasSingleBean(FunctionWebhookController.class);
			});
	}

	@Test
	void withoutTheDispatchApiTheSchedulerStillRuns() {
		without(DispatchApiAutoConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DispatchApiController.class);
			assertThat(context).hasSingleBean(EmbeddedScheduler.class);
			assertThat(context).hasSingleBean(FunctionWebhookController.class);
		});
	}

	@Test
	void withoutTheWebhookTheSchedulerAndItsApiStillRun() {
		without(DispatchWebhookAutoConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(FunctionWebhookController.class);
			assertThat(context).hasSingleBean(DispatchApiController.class);
			assertThat(context).hasSingleBean(DispatchClient.class);
		});
	}

	@Test
	void withoutTheClientTheSchedulerStillRuns() {
		without(DispatchClientAutoConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DispatchClient.class);
			assertThat(context).hasSingleBean(EmbeddedScheduler.class);
		});
	}

	@Test
	void withoutTheRemoteApiNothingSubmitsCalls() {
		without(DispatchRemoteAutoConfiguration.class).withPropertyValues("dispatch.api-url=https://dispatch.example.com")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CallSubmitter.class);
				assertThat(context).doesNotHaveBean(DispatchClient.class);
				assertThat(context).doesNotHaveBean(EmbeddedScheduler.class);
			});
	}

}
