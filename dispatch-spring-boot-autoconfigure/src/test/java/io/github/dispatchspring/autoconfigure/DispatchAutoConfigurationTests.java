package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.RemoteCallSubmitter;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.scheduler.ApplicationInstances;
import io.github.dispatchspring.scheduler.EmbeddedCallSubmitter;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for the Dispatch auto-configurations together: functions, the client, the scheduler or a
 * remote Dispatch API.
 */
class DispatchAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all());

	@Test
	void registersFunctionsUnderTheirMethodNameByDefault() {
		this.contextRunner.withBean(Greetings.class)
			.run((context) -> assertThat(functionNames(context.getBean(FunctionRegistry.class))).contains("greet"));
	}

	@Test
	void registersFunctionsUnderTheirExplicitName() {
		this.contextRunner.withBean(Greetings.class)
			.run((context) -> assertThat(functionNames(context.getBean(FunctionRegistry.class))).contains("shout.loud")
				.doesNotContain("shout"));
	}

	@Test
	void registersOnlyAnnotatedMethods() {
		this.contextRunner.withBean(Greetings.class)
			.run((context) -> assertThat(functionNames(context.getBean(FunctionRegistry.class)))
				.containsExactlyInAnyOrder("greet", "shout.loud"));
	}

	@Test
	void failsOnAFunctionWithTwoParametersNamingBeanAndMethod() {
		assertFailsToStart(this.contextRunner.withBean("pairs", TwoParameters.class), "'pairs'",
				TwoParameters.class.getName() + ".add", "takes 2 parameters");
	}

	@Test
	void failsOnDuplicateFunctionNameNamingBothBeans() {
		assertFailsToStart(this.contextRunner.withBean("first", Greetings.class).withBean("second", AnotherGreet.class),
				"'greet' is declared twice", "'first'", "'second'");
	}

	@Test
	void failsOnAFunctionNameStartingWithADigit() {
		assertFailsToStart(this.contextRunner.withBean("digits", DigitName.class), "'9bad'", "'digits'", "is invalid");
	}

	@Test
	void failsOnAFunctionNameWithASpace() {
		assertFailsToStart(this.contextRunner.withBean("spaces", SpaceName.class), "'has space'", "'spaces'",
				"is invalid");
	}

	@Test
	void backsOffWhenUserDefinesDispatchClient() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> assertThat(context).getBean(DispatchClient.class).isSameAs(UserClientConfiguration.CLIENT));
	}

	@Test
	void runsTheEmbeddedSchedulerWhenNoApiUrlIsSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedScheduler.class);
			assertThat(context).getBean(CallSubmitter.class).isInstanceOf(EmbeddedCallSubmitter.class);
		});
	}

	@Test
	void registersThisInstanceInTheStoreWithItsApplicationNameEndpointAndFunctions(@TempDir Path directory) {
		this.contextRunner.withBean(Greetings.class)
			.withPropertyValues("spring.application.name=greetings", "dispatch.endpoint-url=http://greetings-1:8080",
					"dispatch.scheduler.embedded.directory=" + directory)
			.run((context) -> {
				assertThat(StoredCalls.inEmbeddedStore(directory).instances())
					.containsExactly(Map.of("application", "greetings", "endpoint", "http://greetings-1:8080",
							"functions", "greet,shout.loud"));
				assertThat(context.getBean(ApplicationInstances.class).endpoints())
					.containsExactly("http://greetings-1:8080");
			});
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void holdsTheCallsOfTheHeapStoreToTheConcurrencyOfTheirFunction() {
		this.contextRunner.withBean(Overlapping.class)
			.withPropertyValues("dispatch.scheduler.store=memory", "dispatch.functions.overlap.concurrency=1")
			.run((context) -> {
				List<Integer> items = List.of(1, 2, 3, 4, 5, 6);
				assertThat(context.getBean(DispatchClient.class).gather("overlap", items, Integer.class))
					.containsExactlyElementsOf(items);
				assertThat(context.getBean(Overlapping.class).mostRunning.get()).isOne();
			});
	}

	@Test
	void failsOnAnInstanceTimeoutShorterThanASecondNamingTheProperty() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.instance-timeout=200ms", "dispatch.scheduler.store=memory")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContainingAll("dispatch.scheduler.instance-timeout is PT0.2S", "at least 1s"));
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void awaitOnAnIdTheStoreNeverHeldFailsAtOnceWithNotFound() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory").run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			assertThatExceptionOfType(DispatchException.class)
				.isThrownBy(() -> client.await(new DispatchId("no-such-call"), String.class, Duration.ofHours(1)))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.NOT_FOUND))
				.withMessageContaining("No call has the dispatch id 'no-such-call'");
		});
	}

	@Test
	void sendsCallsToTheRemoteApiWhenApiUrlIsSet() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com").run((context) -> {
			assertThat(context).doesNotHaveBean(EmbeddedScheduler.class);
			assertThat(context).getBean(CallSubmitter.class).isInstanceOf(RemoteCallSubmitter.class);
		});
	}

	private static void assertFailsToStart(ApplicationContextRunner runner, String... messageFragments) {
		runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.isInstanceOf(IllegalStateException.class)
			.message()
			.contains(messageFragments));
	}

	private static List<String> functionNames(FunctionRegistry registry) {
		return registry.functions().stream().map(RegisteredFunction::name).toList();
	}

	static class Greetings {

		@DispatchFunction
		String greet(String name) {
			return "Hello " + name;
		}

		@DispatchFunction("shout.loud")
		String shout(String text) {
			return text.toUpperCase();
		}

		String notAFunction(String text) {
			return text;
		}

	}

	static class Overlapping {

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger mostRunning = new AtomicInteger();

		@DispatchFunction
		int overlap(int item) throws InterruptedException {
			this.mostRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(20);
				return item;
			}
			finally {
				this.running.decrementAndGet();
			}
		}

	}

	static class AnotherGreet {

		@DispatchFunction("greet")
		String hello() {
			return "Hello";
		}

	}

	static class TwoParameters {

		@DispatchFunction
		int add(int a, int b) {
			return a + b;
		}

	}

	static class DigitName {

		@DispatchFunction("9bad")
		void run() {
		}

	}

	static class SpaceName {

		@DispatchFunction("has space")
		void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		static final DispatchClient CLIENT = mock(DispatchClient.class);

		@Bean
		DispatchClient userDispatchClient() {
			return CLIENT;
		}

	}

}
