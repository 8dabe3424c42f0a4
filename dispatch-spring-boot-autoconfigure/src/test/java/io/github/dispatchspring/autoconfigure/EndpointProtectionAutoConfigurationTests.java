package io.github.dispatchspring.autoconfigure;

import java.time.Duration;

import io.github.dispatchspring.observability.EndpointGauges;
import io.github.dispatchspring.scheduler.EndpointProtection;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protection of endpoints is configured from {@code dispatch.scheduler.endpoints.*}, refuses
 * values that make no sense naming the property, and has meters with a meter registry.
 */
class EndpointProtectionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory");

	@Test
	void protectsEndpointsWithACircuitBreakerAndAnAdaptiveLimitByDefault() {
		this.contextRunner.run((context) -> {
			EndpointProtection.Settings settings = context.getBean(EndpointProtection.class).settings();
			assertThat(settings.circuitBreaker()).isEqualTo(
					new EndpointProtection.CircuitBreakerSettings(50, 10, 20, Duration.ofSeconds(10), 1));
			assertThat(settings.concurrency()).isEqualTo(new EndpointProtection.ConcurrencySettings(64, 1, 256));
			assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@Test
	void bindsTheSettings() {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.endpoints.max-wait=250ms",
					"dispatch.scheduler.endpoints.circuit-breaker.failure-rate-threshold=75",
					"dispatch.scheduler.endpoints.circuit-breaker.minimum-number-of-calls=5",
					"dispatch.scheduler.endpoints.circuit-breaker.sliding-window-size=50",
					"dispatch.scheduler.endpoints.circuit-breaker.wait-in-open-state=1m",
					"dispatch.scheduler.endpoints.circuit-breaker.permitted-calls-in-half-open-state=3",
					"dispatch.scheduler.endpoints.adaptive-concurrency.initial=4",
					"dispatch.scheduler.endpoints.adaptive-concurrency.min=2",
					"dispatch.scheduler.endpoints.adaptive-concurrency.max=200")
			.run((context) -> {
				EndpointProtection.Settings settings = context.getBean(EndpointProtection.class).settings();
				assertThat(settings.circuitBreaker()).isEqualTo(
						new EndpointProtection.CircuitBreakerSettings(75, 5, 50, Duration.ofMinutes(1), 3));
				assertThat(settings.concurrency()).isEqualTo(new EndpointProtection.ConcurrencySettings(4, 2, 200));
				assertThat(settings.maxWait()).isEqualTo(Duration.ofMillis(250));
			});
	}

	@Test
	void leavesOutWhatIsDisabled() {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.endpoints.circuit-breaker.enabled=false",
					"dispatch.scheduler.endpoints.adaptive-concurrency.enabled=false")
			.run((context) -> {
				EndpointProtection.Settings settings = context.getBean(EndpointProtection.class).settings();
				assertThat(settings.circuitBreaker()).isNull();
				assertThat(settings.concurrency()).isNull();
			});
	}

	@Test
	void backsOffWhenUserDefinesEndpointProtection() {
		EndpointProtection protection = EndpointProtection.none();
		this.contextRunner.withBean(EndpointProtection.class, () -> protection)
			.run((context) -> assertThat(context).getBean(EndpointProtection.class).isSameAs(protection));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "max-wait=0s; max-wait",
			"circuit-breaker.failure-rate-threshold=0; circuit-breaker.failure-rate-threshold",
			"circuit-breaker.failure-rate-threshold=101; circuit-breaker.failure-rate-threshold",
			"circuit-breaker.minimum-number-of-calls=0; circuit-breaker.minimum-number-of-calls",
			"circuit-breaker.sliding-window-size=-1; circuit-breaker.sliding-window-size",
			"circuit-breaker.wait-in-open-state=-1s; circuit-breaker.wait-in-open-state",
			"circuit-breaker.permitted-calls-in-half-open-state=0; circuit-breaker.permitted-calls-in-half-open-state",
			"adaptive-concurrency.min=0; adaptive-concurrency.min",
			"adaptive-concurrency.max=0; adaptive-concurrency.max",
			"adaptive-concurrency.initial=300; adaptive-concurrency.initial" })
	void failsToStartOnASettingThatMakesNoSenseNamingIt(String setting, String property) {
		this.contextRunner.withPropertyValues("dispatch.scheduler.endpoints." + setting)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("dispatch.scheduler.endpoints." + property));
	}

	@Test
	void registersTheMetersOfTheEndpointHostsWithAMeterRegistry() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(EndpointGauges.class));
	}

}
