package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.Any;
import com.google.protobuf.Value;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every part a user may replace is replaced by the user's bean, and customizers tune what the
 * auto-configurations build.
 */
class BeanBackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all());

	@Test
	void backsOffWhenUserDefinesCallStoreAndOpensNoEmbeddedDatabase() {
		InMemoryCallStore store = new InMemoryCallStore(Clock.systemUTC());
		this.contextRunner.withBean(CallStore.class, () -> store).run((context) -> {
			assertThat(context).getBean(CallStore.class).isSameAs(store);
			assertThat(context).doesNotHaveBean(StoreDataSource.class);
			assertThat(context).hasSingleBean(EmbeddedScheduler.class);
		});
	}

	@Test
	void runsCallsThroughTheUserDefinedCallInvoker() {
		List<String> invoked = new CopyOnWriteArrayList<>();
		ValueCodec codec = new ValueCodec(new JsonMapper());
		CallInvoker invoker = (endpoint, request, attempt) -> {
			invoked.add(request.getFunction());
			return RunResponse.newBuilder()
				.setStatus(Status.STATUS_OK)
				.setExit(Exit.newBuilder().setResult(CallResult.newBuilder().setOutput(codec.encode("from the invoker"))))
				.build();
		};
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(CallInvoker.class, () -> invoker)
			.withBean(Greetings.class)
			.run((context) -> {
				DispatchClient client = context.getBean(DispatchClient.class);
				String result = client.await(client.dispatch("greet", "Ada"), String.class, Duration.ofMinutes(1));
				assertThat(result).isEqualTo("from the invoker");
				assertThat(invoked).containsExactly("greet");
			});
	}

	@Test
	void usesTheUserDefinedHttpClient() {
		HttpClient httpClient = HttpClient.newHttpClient();
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(HttpClient.class, () -> httpClient)
			.run((context) -> assertThat(context).getBean(HttpClient.class).isSameAs(httpClient));
	}

	@Test
	void buildsAnHttpClientThatFollowsNoRedirectsAndAppliesCustomizers() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.run((context) -> assertThat(context.getBean(HttpClient.class).followRedirects())
				.isEqualTo(HttpClient.Redirect.NEVER));
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(DispatchHttpClientCustomizer.class,
					() -> (builder) -> builder.followRedirects(HttpClient.Redirect.NORMAL))
			.run((context) -> assertThat(context.getBean(HttpClient.class).followRedirects())
				.isEqualTo(HttpClient.Redirect.NORMAL));
	}

	@Test
	void appliesSchedulerCustomizersInOrderToTheSettingsFromProperties() {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.store=memory", "dispatch.scheduler.concurrency=8",
					"dispatch.scheduler.shutdown-timeout=3s")
			.withBean("first", DispatchSchedulerCustomizer.class,
					() -> (settings) -> settings.withConcurrency(settings.concurrency() * 2))
			.withBean("second", DispatchSchedulerCustomizer.class,
					() -> (settings) -> settings.withConcurrency(settings.concurrency() + 1))
			.run((context) -> {
				EmbeddedScheduler.Settings settings = context.getBean(EmbeddedScheduler.Settings.class);
				assertThat(settings.concurrency()).isEqualTo(17);
				assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void stampsCallsWithTheUserDefinedClock() {
		Clock aYearAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-365));
		List<Instant> created = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(Clock.class, () -> aYearAgo)
			.withBean(CallInvoker.class, () -> (endpoint, request, attempt) -> {
				created.add(Instant.ofEpochSecond(request.getCreationTime().getSeconds()));
				return RunResponse.newBuilder().setStatus(Status.STATUS_OK).setExit(Exit.getDefaultInstance()).build();
			})
			.run((context) -> {
				DispatchClient client = context.getBean(DispatchClient.class);
				client.await(client.dispatch("greet", "Ada"), Void.class, Duration.ofMinutes(1));
				assertThat(created).singleElement()
					.satisfies((instant) -> assertThat(instant).isBefore(Instant.now().minus(Duration.ofDays(364))));
			});
	}

	@Test
	void encodesValuesWithTheApplicationsJsonMapper() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
			.run((context) -> {
				Any encoded = context.getBean(ValueCodec.class).encode(new Person("Ada"));
				assertThat(encoded.unpack(Value.class).getStructValue().getFieldsMap()).containsKey("first_name");
			});
	}

	@Test
	void registersAScopedBeansFunctionsOnceThroughItsProxy() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withUserConfiguration(ScopedGreetingsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FunctionRegistry.class).functions()).extracting(RegisteredFunction::name)
					.containsExactly("greet");
				assertThat(context.getBean(FunctionRegistry.class).find("greet").describe()).contains("'greetings'")
					.doesNotContain("scopedTarget");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ScopedGreetingsConfiguration {

		@Bean
		@Scope(proxyMode = ScopedProxyMode.TARGET_CLASS)
		Greetings greetings() {
			return new Greetings();
		}

	}

	record Person(String firstName) {
	}

	static class Greetings {

		@DispatchFunction
		public String greet(String name) {
			return "Hello " + name;
		}

	}

}
