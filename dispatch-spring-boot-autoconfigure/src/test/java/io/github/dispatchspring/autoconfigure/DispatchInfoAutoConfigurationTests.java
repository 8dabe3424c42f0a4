package io.github.dispatchspring.autoconfigure;

import java.util.Map;

import io.github.dispatchspring.observability.DispatchInfoContributor;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dispatch} entry of the actuator's {@code info}: where calls go and how many functions
 * the application serves.
 */
class DispatchInfoAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withBean(GreetingFunctions.class);

	@Test
	void tellsTheEmbeddedSchedulerItsStoreAndTheNumberOfFunctions() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.run((context) -> assertThat(info(context.getBean(DispatchInfoContributor.class)))
				.isEqualTo(Map.of("scheduler", "embedded", "store", "memory", "functions", 1)));
	}

	@Test
	void tellsARemoteDispatchApiWithoutNamingIt() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com")
			.run((context) -> assertThat(info(context.getBean(DispatchInfoContributor.class)))
				.isEqualTo(Map.of("scheduler", "remote", "functions", 1)));
	}

	@Test
	void backsOffWhenDisabledOrWithoutTheActuator() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory", "management.info.dispatch.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DispatchInfoContributor.class));
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withClassLoader(new FilteredClassLoader(InfoContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DispatchInfoContributor.class));
	}

	private static Object info(InfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return builder.build().getDetails().get("dispatch");
	}

}
