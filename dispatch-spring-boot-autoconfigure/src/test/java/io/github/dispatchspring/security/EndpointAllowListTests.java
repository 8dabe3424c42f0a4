package io.github.dispatchspring.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler is no request forgery tool: a call to an endpoint outside
 * {@code dispatch.scheduler.allowed-endpoints} is refused by the Dispatch API, a child call a remote
 * endpoint asks for outside it is never sent (its parent fails), and an allowed endpoint's error shows nothing of its
 * body but a Connect code and a bounded message. The endpoints are HTTP servers speaking the protocol
 * bytes: an internal service that must not be reached, a partner service that is allowed, and an
 * allowed service that fails.
 * <p>
 * Failed calls are retried once, 10 ms later, so that a call to the failing service ends within the
 * test instead of after the default 20 attempts.
 */
class EndpointAllowListTests {

	private static final String[] AUTHORIZED = { "Authorization", "Bearer secret" };

	private static final String SECRET = "aws_secret_access_key=wJalrXUtnFEMI";

	private static ProtocolEndpoint internal;

	private static ProtocolEndpoint partner;

	private static ProtocolEndpoint failing;

	private static ConfigurableApplicationContext application;

	private static WireClient wire;

	@BeforeAll
	static void start() {
		internal = ProtocolEndpoint.start((run) -> Answer.of(output(SECRET)));
		partner = ProtocolEndpoint.start((run) -> Answer.of(relay()));
		failing = ProtocolEndpoint.start((run) -> new Answer(500, "application/json",
				("{\"code\":\"internal\",\"message\":\"" + "database unreachable ".repeat(5_000) + SECRET + "\"}")
					.getBytes(StandardCharsets.UTF_8)));
		application = new SpringApplicationBuilder(FuzzApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "dispatch.api-key=secret",
					"dispatch.scheduler.allowed-endpoints=" + partner.url() + "," + failing.url(),
					"dispatch.defaults.retry.max-attempts=2", "dispatch.defaults.retry.initial-interval=10ms")
			.run();
		wire = new WireClient(((WebServerApplicationContext) application).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		application.close();
		internal.close();
		partner.close();
		failing.close();
	}

	@Test
	void refusesACallToAnEndpointOutsideTheAllowList() {
		HttpResponse<byte[]> response = wire.post("/dispatch.sdk.v1.DispatchService/Dispatch",
				DispatchRequest.newBuilder().addCalls(call("readSecrets", internal.url())).build(), AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response).get("message")).isEqualTo("calls[0].endpoint '" + internal.url()
				+ "' is not allowed: calls go only to this application's instances and to the URL prefixes listed in "
				+ "dispatch.scheduler.allowed-endpoints");
		assertThat(internal.requests()).isEmpty();
	}

	@Test
	void neverSendsAChildCallThatAnAllowedEndpointAddressesOutsideTheAllowList() {
		CallResult result = wire.dispatchAndWait(call("relay", partner.url()), AUTHORIZED);

		assertThat(result.getError().getType()).isEqualTo("InvalidResponse");
		assertThat(result.getError().getMessage())
			.isEqualTo("the endpoint answered a poll whose calls[0].endpoint '" + internal.url() + "' is not allowed: "
					+ "calls go only to this application's instances and to the URL prefixes listed in "
					+ "dispatch.scheduler.allowed-endpoints; none of the poll's 1 calls was started");
		assertThat(internal.requests()).isEmpty();
		assertThat(partner.requests()).hasSize(1);
	}

	@Test
	void showsNothingOfAFailingEndpointsAnswerButItsConnectCodeAndABoundedMessage() {
		CallResult result = wire.dispatchAndWait(call("report", failing.url()), AUTHORIZED);

		Error error = result.getError();
		assertThat(error.getType()).isEqualTo("HttpStatus500");
		assertThat(error.getMessage()).startsWith("the endpoint answered HTTP 500: internal: database unreachable")
			.doesNotContain(SECRET)
			.hasSizeLessThan(400);
		assertThat(failing.requests()).hasSize(2);
	}

	private static RunResponse relay() {
		Call child = Call.newBuilder()
			.setFunction("readSecrets")
			.setEndpoint(internal.url())
			.setCorrelationId(1)
			.setInput(Any.pack(StringValue.of("all")))
			.build();
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setPoll(Poll.newBuilder()
				.addCalls(child)
				.setTypedCoroutineState(Any.pack(StringValue.of("relaying")))
				.setMinResults(1)
				.setMaxResults(1))
			.build();
	}

	private static RunResponse output(String text) {
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder().setResult(CallResult.newBuilder().setOutput(Any.pack(StringValue.of(text)))))
			.build();
	}

	private static Call call(String function, String endpoint) {
		return Call.newBuilder()
			.setFunction(function)
			.setEndpoint(endpoint)
			.setInput(Any.pack(StringValue.of("please")))
			.build();
	}

}
