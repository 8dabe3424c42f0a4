package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code application.yml} of the README's "Settings of single functions" gives the policies it
 * describes, bound from the README's very text.
 */
class FunctionSettingsExampleTests {

	private static final Pattern YAML = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

	@Test
	void resolvesThePoliciesOfTheExampleService() throws IOException {
		List<String> examples = Readme.find("### Settings of single functions", YAML);
		assertThat(examples).hasSize(1);
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("README.md",
				new ByteArrayResource(examples.get(0).getBytes(StandardCharsets.UTF_8)));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withConfiguration(DispatchAutoConfigurations.all())
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml.get(0)))
			.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(ExampleService.class)
			.run((context) -> {
				FunctionPolicies policies = context.getBean(FunctionPolicies.class);
				FunctionPolicy charge = policies.of("chargeCard");
				assertThat(charge.concurrency()).isEqualTo(5);
				assertThat(charge.rateLimit()).isEqualTo(new FunctionPolicy.RateLimit(20, Duration.ofSeconds(1)));
				assertThat(charge.timeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(charge.retry().initialInterval()).isEqualTo(Duration.ofSeconds(1));
				assertThat(charge.retry().maxInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(charge.retry().maxAttempts()).isEqualTo(10);
				assertThat(charge.retry().retries(DispatchStatus.TEMPORARY_ERROR,
						"com.example.payments.CardDeclinedException", 1)).isFalse();
				assertThat(charge.retry().retries(DispatchStatus.TEMPORARY_ERROR, "java.io.IOException", 1)).isTrue();
				FunctionPolicy report = policies.of("monthlyReport");
				assertThat(report.timeout()).isEqualTo(Duration.ofMinutes(30));
				assertThat(report.expiration()).isEqualTo(Duration.ofHours(6));
				assertThat(report.priority()).isEqualTo(-1);
				assertThat(report.retry().maxAttempts()).isEqualTo(3);
				assertThat(report.retry().initialInterval()).isEqualTo(Duration.ofMinutes(1));
				FunctionPolicy notify = policies.of("notifyUser");
				assertThat(notify.timeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(notify.expiration()).isEqualTo(Duration.ofMinutes(10));
				assertThat(notify.priority()).isEqualTo(10);
				assertThat(notify.retry().maxInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(notify.retry().jitter()).isEqualTo(1.0);
				assertThat(notify.retry().maxAttempts()).isEqualTo(10);
				assertThat(policies.of("audit").timeout()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	static class ExampleService {

		@DispatchFunction
		public String chargeCard(String order) {
			return order;
		}

		@DispatchFunction
		public String monthlyReport(String month) {
			return month;
		}

		@DispatchFunction
		public void notifyUser(String user) {
		}

		@DispatchFunction
		public void audit(String event) {
		}

	}

}
