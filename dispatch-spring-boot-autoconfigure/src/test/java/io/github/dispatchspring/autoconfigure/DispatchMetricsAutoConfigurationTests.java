package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.SchedulerEvents;
import io.github.dispatchspring.observability.RequestMetrics;
import io.github.dispatchspring.observability.SchedulerGauges;
import io.github.dispatchspring.observability.SchedulerMetrics;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.wire.RequestOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch's meters exist only when the application has a {@link MeterRegistry}, and count what the
 * scheduler does.
 */
class DispatchMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory")
		.withBean(GreetingFunctions.class);

	private final ApplicationContextRunner withMeterRegistry = this.contextRunner.withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class));

	@Test
	void registersTheMetersWithAMeterRegistry() {
		this.withMeterRegistry.run((context) -> {
			assertThat(context).hasSingleBean(SchedulerMetrics.class)
				.hasSingleBean(SchedulerGauges.class)
				.hasSingleBean(RequestMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("dispatch.calls.running").tag("store", "memory").gauge()).isNotNull();
			assertThat(registry.find("dispatch.calls.due").gauge().value()).isZero();
		});
	}

	@Test
	void countsTheCallsTheSchedulerRuns() {
		this.withMeterRegistry.run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dispatch.calls.accepted").tags("function", "greet", "store", "memory").counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("dispatch.calls.attempts").tag("function", "greet").counter().count()).isEqualTo(1);
			assertThat(registry.get("dispatch.calls.ended").tags("function", "greet", "status", "OK").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("dispatch.calls.run").tags("function", "greet", "status", "OK").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("dispatch.calls.queued").tag("function", "greet").timer().count()).isEqualTo(1);
			assertThat(registry.get("dispatch.calls.duration").tag("function", "greet").timer().count()).isEqualTo(1);
			assertThat(registry.get("dispatch.store.commit.size").summary().totalAmount()).isEqualTo(1);
		});
	}

	@Test
	void leavesTheMetersOutWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(SchedulerEvents.class)
				.doesNotHaveBean(SchedulerGauges.class)
				.doesNotHaveBean(RequestOutcomes.class);
			DispatchClient client = context.getBean(DispatchClient.class);
			assertThat(client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1)))
				.isEqualTo("Hello Ada");
		});
	}

	@Test
	void leavesTheMetersOutWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SchedulerMetrics.class));
	}

	@Test
	void tellsTheApplicationsOwnSchedulerEvents() {
		List<String> accepted = new CopyOnWriteArrayList<>();
		SchedulerEvents own = new SchedulerEvents() {

			@Override
			public void accepted(List<NewCall> calls) {
				calls.forEach((call) -> accepted.add(call.function()));
			}

		};
		this.withMeterRegistry.withBean(SchedulerEvents.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(SchedulerMetrics.class);
			DispatchClient client = context.getBean(DispatchClient.class);
			client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1));
			assertThat(accepted).containsExactly("greet");
		});
	}

}
