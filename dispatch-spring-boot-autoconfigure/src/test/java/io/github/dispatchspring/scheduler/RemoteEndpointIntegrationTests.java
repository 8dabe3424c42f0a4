package io.github.dispatchspring.scheduler;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.testsupport.Invocations;
import io.github.dispatchspring.testsupport.WireClient;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End-to-end tests of calls to functions that another application serves: the scheduler of one
 * application runs them over HTTP at the endpoint of the other, which verifies their signatures.
 */
class RemoteEndpointIntegrationTests {

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private static final String[] AUTHORIZED = { "Authorization", "Bearer api-secret" };

	private static ConfigurableApplicationContext endpoint;

	private static ConfigurableApplicationContext scheduler;

	@BeforeAll
	static void startApplications() {
		endpoint = start(EndpointApplication.class, "dispatch.verification-key=" + keys.verificationKeyBase64());
		scheduler = start(SchedulerApplication.class, "dispatch.endpoint-url=" + url(endpoint),
				"dispatch.signing-key=" + keys.signingKeyBase64(), "dispatch.api-key=api-secret");
	}

	@AfterAll
	static void stopApplications() {
		scheduler.close();
		endpoint.close();
	}

	@Test
	void runsACallDispatchedThroughTheApiAtTheEndpointServingItsFunction() {
		assertThat(scheduler.getBean(FunctionRegistry.class).find("remoteOnly")).isNull();
		WireClient wire = new WireClient(port(scheduler));
		Call call = Call.newBuilder()
			.setFunction("remoteOnly")
			.setEndpoint(url(endpoint))
			.setInput(Any.pack(StringValue.of("api")))
			.build();

		HttpResponse<byte[]> dispatched = wire.post("/dispatch.sdk.v1.DispatchService/Dispatch",
				DispatchRequest.newBuilder().addCalls(call).build(), AUTHORIZED);
		String id = message(dispatched, DispatchResponse.parser()).getDispatchIds(0);
		HttpResponse<byte[]> waited = wire.post("/dispatch.sdk.v1.DispatchService/Wait",
				id.getBytes(StandardCharsets.UTF_8), "text/plain", AUTHORIZED);

		assertThat(message(waited, CallResult.parser()).getOutput()).isEqualTo(Any.pack(StringValue.of("remote api")));
		assertThat(endpoint.getBean(Functions.class).invocations.count("remoteOnly:api")).isEqualTo(1);
	}

	@Test
	void gathersResultsOfAFunctionServedByTheConfiguredEndpoint() {
		DispatchClient client = scheduler.getBean(DispatchClient.class);

		assertThat(client.gather("remoteOnly", List.of("a", "b"), String.class)).containsExactly("remote a",
				"remote b");
	}

	@Test
	void failsACallWhoseEndpointDoesNotServeItsFunction() {
		DispatchClient client = scheduler.getBean(DispatchClient.class);

		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> client.gather("nowhere", List.of("x"), String.class))
			.withMessageContaining("404")
			.withMessageContaining("function 'nowhere' does not exist");
	}

	private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + port(context);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class EndpointApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SchedulerApplication {

	}

	static class Functions {

		final Invocations invocations = new Invocations();

		@DispatchFunction
		String remoteOnly(String input) {
			this.invocations.record("remoteOnly:" + input);
			return "remote " + input;
		}

	}

}
