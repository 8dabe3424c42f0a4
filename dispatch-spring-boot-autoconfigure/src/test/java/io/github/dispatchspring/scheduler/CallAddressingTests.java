package io.github.dispatchspring.scheduler;

import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.Invocations;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import io.github.dispatchspring.testsupport.WebhookRequests;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import static io.github.dispatchspring.testsupport.ProtocolEndpoint.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls run where they are addressed: a call to another service's endpoint goes to that service over
 * HTTP even when this application registers a function of the same name, and a call to this
 * application's endpoint runs in-process. The other service is a second HTTP server speaking the
 * protocol bytes, serving its own {@code notifyUser}.
 */
class CallAddressingTests {

	private static final String[] AUTHORIZED = { "Authorization", "Bearer secret" };

	private static ProtocolEndpoint otherService;

	private static ConfigurableApplicationContext application;

	private static WireClient wire;

	@BeforeAll
	static void start() {
		otherService = ProtocolEndpoint.start((run) -> Answer.of(RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder()
				.setResult(CallResult.newBuilder().setOutput(Any.pack(StringValue.of("other " + text(run))))))
			.build()));
		application = new SpringApplicationBuilder(AddressingApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "dispatch.api-key=secret",
					"dispatch.scheduler.allowed-endpoints=" + otherService.url())
			.run();
		wire = new WireClient(((WebServerApplicationContext) application).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		application.close();
		otherService.close();
	}

	@BeforeEach
	void forgetEarlierCalls() {
		webhookRequests().set(0);
	}

	@Test
	void runsACallAddressedToAnotherServiceThereDespiteALocalFunctionOfTheSameName() {
		CallResult result = wire.dispatchAndWait(call(otherService.url(), "ada"), AUTHORIZED);

		assertThat(result.getOutput()).isEqualTo(Any.pack(StringValue.of("other ada")));
		assertThat(otherService.requests()).anySatisfy((run) -> {
			assertThat(run.getFunction()).isEqualTo("notifyUser");
			assertThat(text(run)).isEqualTo("ada");
		});
		assertThat(notifications().count("notifyUser:ada")).isZero();
	}

	@Test
	void runsACallAddressedToThisApplicationInProcess() {
		for (String endpoint : new String[] { wire.baseUrl(), wire.baseUrl() + "/" }) {
			String input = "grace at " + endpoint;
			CallResult result = wire.dispatchAndWait(call(endpoint, input), AUTHORIZED);

			assertThat(result.getOutput()).isEqualTo(Any.pack(StringValue.of("java " + input)));
			assertThat(notifications().count("notifyUser:" + input)).isOne();
		}
		assertThat(otherService.requests()).noneSatisfy((run) -> assertThat(text(run)).startsWith("grace"));
		assertThat(webhookRequests()).hasValue(0);
	}

	private static Call call(String endpoint, String input) {
		return Call.newBuilder()
			.setFunction("notifyUser")
			.setEndpoint(endpoint)
			.setInput(Any.pack(StringValue.of(input)))
			.build();
	}

	private static Invocations notifications() {
		return application.getBean(Notifications.class).invocations;
	}

	private static AtomicInteger webhookRequests() {
		return application.getBean(WebhookRequests.class).count();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AddressingApplication {

		@Bean
		Notifications notifications() {
			return new Notifications();
		}

		@Bean
		WebhookRequests webhookRequests() {
			return new WebhookRequests();
		}

		@Bean
		OncePerRequestFilter webhookRequestCounter(WebhookRequests requests) {
			return requests.counter();
		}

	}


	static class Notifications {

		final Invocations invocations = new Invocations();

		@DispatchFunction
		String notifyUser(String user) {
			this.invocations.record("notifyUser:" + user);
			return "java " + user;
		}

	}

}
