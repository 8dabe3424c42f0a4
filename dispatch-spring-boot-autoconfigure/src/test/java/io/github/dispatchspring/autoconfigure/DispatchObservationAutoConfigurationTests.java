package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.observability.ObservedCallTracing;
import io.github.dispatchspring.scheduler.CallTracing;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dispatches and attempts are observed when the application has an {@link ObservationRegistry}.
 */
class DispatchObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory")
		.withBean(GreetingFunctions.class);

	@Test
	void observesTheDispatchAndTheAttemptsOfACall() {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasSingleBean(ObservedCallTracing.class);
			DispatchClient client = context.getBean(DispatchClient.class);
			client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> named(stopped, "dispatch.run").size() == 1);
			assertThat(named(stopped, "dispatch.dispatch")).singleElement().satisfies((dispatch) -> {
				assertThat(dispatch.getContextualName()).isEqualTo("dispatch greet");
				assertThat(dispatch.getLowCardinalityKeyValue("dispatch.function").getValue()).isEqualTo("greet");
			});
			assertThat(named(stopped, "dispatch.run")).singleElement().satisfies((run) -> {
				assertThat(run.getContextualName()).isEqualTo("run greet");
				assertThat(run.getLowCardinalityKeyValue("dispatch.status").getValue()).isEqualTo("OK");
			});
		});
	}

	private static List<Observation.Context> named(List<Observation.Context> contexts, String name) {
		return contexts.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	@Test
	void observesNothingWithoutAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CallTracing.class));
	}

	@Test
	void observesNothingWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallTracing.class));
	}

}
