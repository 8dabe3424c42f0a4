package io.github.dispatchspring.autoconfigure;

import java.io.IOException;
import java.time.Duration;

import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy of each function: properties over {@code @DispatchFunction} attributes over
 * {@code dispatch.defaults}, the deprecated keys still honoured, and settings that cannot be used
 * failing the start with a message naming them.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionPoliciesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory")
		.withBean(ReportFunctions.class);

	@Test
	void givesFunctionsWithoutSettingsTheDefaults() {
		this.contextRunner.run((context) -> {
			FunctionPolicy plain = context.getBean(FunctionPolicies.class).of("plain");
			assertThat(plain.retry().maxAttempts()).isEqualTo(20);
			assertThat(plain.retry().initialInterval()).isEqualTo(Duration.ofMillis(100));
			assertThat(plain.retry().multiplier()).isEqualTo(2.0);
			assertThat(plain.retry().maxInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(plain.retry().jitter()).isEqualTo(0.5);
			assertThat(plain.timeout()).isEqualTo(Duration.ofMinutes(4));
			assertThat(plain.expiration()).isNull();
			assertThat(plain.concurrency()).isZero();
			assertThat(plain.rateLimit()).isNull();
			assertThat(plain.priority()).isZero();
		});
	}

	@Test
	void bindsTheDefaultsFromProperties() {
		this.contextRunner
			.withPropertyValues("dispatch.defaults.timeout=90s", "dispatch.defaults.expiration=2h",
					"dispatch.defaults.retry.max-attempts=7", "dispatch.defaults.retry.jitter=0",
					"dispatch.defaults.retry.no-retry-statuses=THROTTLED",
					"dispatch.defaults.retry.no-retry-errors=java.io.IOException")
			.run((context) -> {
				FunctionPolicy plain = context.getBean(FunctionPolicies.class).of("plain");
				assertThat(plain.timeout()).isEqualTo(Duration.ofSeconds(90));
				assertThat(plain.expiration()).isEqualTo(Duration.ofHours(2));
				assertThat(plain.retry().maxAttempts()).isEqualTo(7);
				assertThat(plain.retry().jitter()).isZero();
				assertThat(plain.retry().noRetryStatuses()).containsExactly(DispatchStatus.THROTTLED);
				assertThat(plain.retry().retries(DispatchStatus.TEMPORARY_ERROR, "java.net.ConnectException", 1))
					.isFalse();
			});
	}

	@Test
	void takesTheAttributesOfTheAnnotationOverTheDefaults() {
		this.contextRunner.withPropertyValues("dispatch.defaults.retry.max-attempts=7").run((context) -> {
			FunctionPolicy report = context.getBean(FunctionPolicies.class).of("report");
			assertThat(report.retry().maxAttempts()).isEqualTo(3);
			assertThat(report.timeout()).isEqualTo(Duration.ofMinutes(30));
			assertThat(report.expiration()).isEqualTo(Duration.ofHours(6));
			assertThat(report.concurrency()).isEqualTo(2);
			assertThat(report.priority()).isEqualTo(-1);
			assertThat(report.retry().noRetryErrors()).containsExactly(IOException.class.getName());
			assertThat(report.retry().initialInterval()).isEqualTo(Duration.ofMillis(100));
		});
	}

	@Test
	void takesPropertiesOverTheAnnotation() {
		this.contextRunner
			.withPropertyValues("dispatch.functions.report.timeout=45m", "dispatch.functions.report.retry.max-attempts=0",
					"dispatch.functions.report.rate-limit.limit=10", "dispatch.functions.report.rate-limit.period=1m",
					"dispatch.functions.report.retry.no-retry-errors=java.lang.IllegalStateException")
			.run((context) -> {
				FunctionPolicy report = context.getBean(FunctionPolicies.class).of("report");
				assertThat(report.timeout()).isEqualTo(Duration.ofMinutes(45));
				assertThat(report.retry().maxAttempts()).isZero();
				assertThat(report.rateLimit()).isEqualTo(new FunctionPolicy.RateLimit(10, Duration.ofMinutes(1)));
				assertThat(report.retry().noRetryErrors()).containsExactly(IllegalStateException.class.getName());
				assertThat(report.expiration()).isEqualTo(Duration.ofHours(6));
				assertThat(report.concurrency()).isEqualTo(2);
			});
	}

	@Test
	void bindsANameWithDotsWrittenInBrackets() {
		this.contextRunner.withPropertyValues("dispatch.functions[billing.charge].concurrency=4").run((context) -> {
			assertThat(context.getBean(FunctionPolicies.class).of("billing.charge").concurrency()).isEqualTo(4);
		});
	}

	@Test
	@SuppressWarnings("deprecation")
	void honoursTheDeprecatedKeysWhereTheirReplacementsAreNotSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.retry.max-attempts=5", "dispatch.scheduler.retry.initial-interval=2s",
					"dispatch.scheduler.http-timeout=20s", "dispatch.scheduler.default-expiration=3h",
					"dispatch.scheduler.retry.multiplier=3", "dispatch.defaults.retry.multiplier=1.5")
			.run((context) -> {
				FunctionPolicy plain = context.getBean(FunctionPolicies.class).of("plain");
				assertThat(plain.retry().maxAttempts()).isEqualTo(5);
				assertThat(plain.retry().initialInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(plain.timeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(plain.expiration()).isEqualTo(Duration.ofHours(3));
				assertThat(plain.retry().multiplier()).isEqualTo(1.5);
				assertThat(output).contains(
						"dispatch.scheduler.retry.max-attempts is deprecated: set dispatch.defaults.retry.max-attempts instead")
					.contains("dispatch.scheduler.http-timeout is deprecated: set dispatch.defaults.timeout instead")
					.contains("dispatch.scheduler.retry.multiplier is deprecated: set dispatch.defaults.retry.multiplier "
							+ "instead (which is set, so dispatch.scheduler.retry.multiplier is ignored)");
			});
	}

	@Test
	void failsOnANameThatIsNotAFunctionOfTheApplication() {
		assertFailsNaming("dispatch.functions", "This application has no function named 'reprot'; its functions are "
				+ "[billing.charge, plain, report]", "dispatch.functions.reprot.timeout=1m");
	}

	@Test
	void acceptsAnyNameInAnApplicationServingNoFunctions() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withConfiguration(DispatchAutoConfigurations.all())
			.withPropertyValues("dispatch.scheduler.store=memory", "dispatch.functions.elsewhere.timeout=1m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FunctionPolicies.class).of("elsewhere").timeout())
					.isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void failsOnANegativeInterval() {
		assertFailsNaming("dispatch.functions.report.retry.initial-interval", "at least 1ms",
				"dispatch.functions.report.retry.initial-interval=-1s");
	}

	@Test
	void failsOnANegativeDefaultTimeout() {
		assertFailsNaming("dispatch.defaults.timeout", "longer than 0", "dispatch.defaults.timeout=-5s");
	}

	@Test
	void failsOnAZeroFunctionTimeout() {
		assertFailsNaming("dispatch.functions.report.timeout", "longer than 0", "dispatch.functions.report.timeout=0s");
	}

	@Test
	void failsOnAMultiplierUnderOne() {
		assertFailsNaming("dispatch.functions.report.retry.multiplier", "a multiplier is at least 1",
				"dispatch.functions.report.retry.multiplier=0.5");
	}

	@Test
	void failsOnAJitterAboveOne() {
		assertFailsNaming("dispatch.defaults.retry.jitter", "from 0 to 1", "dispatch.defaults.retry.jitter=1.5");
	}

	@Test
	void failsOnZeroConcurrency() {
		assertFailsNaming("dispatch.functions.plain.concurrency", "at least 1", "dispatch.functions.plain.concurrency=0");
	}

	@Test
	void failsOnANegativeRateLimit() {
		assertFailsNaming("dispatch.functions.plain.rate-limit.limit", "at least 1",
				"dispatch.functions.plain.rate-limit.limit=-3");
	}

	@Test
	void failsOnANegativeDeprecatedTimeout() {
		assertFailsNaming("dispatch.scheduler.http-timeout", "longer than 0", "dispatch.scheduler.http-timeout=-1s");
	}

	@Test
	void failsOnAnAnnotatedTimeoutThatIsNotADurationNamingTheMethod() {
		this.contextRunner.withBean(MisannotatedFunctions.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("@DispatchFunction(timeout = \"ten minutes\") of function 'misannotated'")
				.hasMessageContaining(MisannotatedFunctions.class.getName() + ".misannotated")
				.hasMessageContaining("write a duration such as \"30s\"");
		});
	}

	private void assertFailsNaming(String property, String reason, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.satisfies((failure) -> assertThat(((InvalidConfigurationPropertyValueException) failure).getName())
					.isEqualTo(property))
				.hasMessageContaining(reason);
		});
	}

	static class ReportFunctions {

		@DispatchFunction
		public String plain(String input) {
			return input;
		}

		@DispatchFunction(maxAttempts = 3, timeout = "30m", expiration = "6h", concurrency = 2, priority = -1,
				noRetryFor = IOException.class)
		public String report(String month) {
			return month;
		}

		@DispatchFunction("billing.charge")
		public String charge(String order) {
			return order;
		}

	}

	static class MisannotatedFunctions {

		@DispatchFunction(timeout = "ten minutes")
		public String misannotated(String input) {
			return input;
		}

	}

}
