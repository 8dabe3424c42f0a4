package io.github.dispatchspring.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started application with no Dispatch settings at all: its Dispatch API and its webhook refuse
 * whoever cannot prove who they are, while its own calls run as before; each opening is an explicit
 * property that logs a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecureByDefaultTests {

	private static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	private static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	private static final String CANCEL = "/dispatch.sdk.v1.DispatchService/Cancel";

	private static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	@Test
	void refusesUnauthenticatedDispatchApiRequestsAndUnsignedWebhookRequests(CapturedOutput output) {
		try (ConfigurableApplicationContext application = start()) {
			WireClient wire = new WireClient(port(application));

			HttpResponse<byte[]> dispatched = wire.post(DISPATCH, dispatchRequest(wire, "echo", "Mallory"));
			assertThat(dispatched.statusCode()).isEqualTo(401);
			assertThat(error(dispatched).get("message")).contains("dispatch.api-key", "DISPATCH_API_KEY",
					"dispatch.api.allow-unauthenticated=true");

			DispatchId id = application.getBean(DispatchClient.class).dispatch("echo", "own");
			assertThat(wire.post(WAIT, id.value().getBytes(StandardCharsets.UTF_8), "text/plain").statusCode())
				.isEqualTo(401);
			assertThat(wire.post(CANCEL, id.value().getBytes(StandardCharsets.UTF_8), "text/plain").statusCode())
				.isEqualTo(401);

			HttpResponse<byte[]> ran = wire.post(RUN, runRequest("echo", "Mallory"));
			assertThat(ran.statusCode()).isEqualTo(401);
			assertThat(error(ran)).containsEntry("code", "unauthenticated");
			assertThat(application.getBean(FuzzApplication.Functions.class).echoed()).doesNotContain("Mallory");
		}
		assertThat(output).doesNotContain("allow-unauthenticated is true", "allow-unsigned is true");
	}

	@Test
	void runsItsOwnCallsInProcessWithoutAnySetting() {
		try (ConfigurableApplicationContext application = start()) {
			DispatchClient client = application.getBean(DispatchClient.class);

			assertThat(client.gather("sumOfSquares", List.of(List.of(1, 2, 3), List.of(4)), Long.class))
				.containsExactly(14L, 16L);
		}
	}

	@Test
	void runsItsOwnCallsThroughItsWebhookSignedWithTheStoresKeyPairWithoutAnySetting() {
		try (ConfigurableApplicationContext application = start("dispatch.scheduler.in-process=false")) {
			DispatchClient client = application.getBean(DispatchClient.class);

			assertThat(client.gather("sumOfSquares", List.of(List.of(1, 2, 3)), Long.class)).containsExactly(14L);
		}
	}

	@Test
	void acceptsUnauthenticatedAndUnsignedRequestsAndWarnsWhenOpenedExplicitly(CapturedOutput output) {
		try (ConfigurableApplicationContext application = start("dispatch.api.allow-unauthenticated=true",
				"dispatch.webhook.allow-unsigned=true")) {
			WireClient wire = new WireClient(port(application));

			HttpResponse<byte[]> dispatched = wire.post(DISPATCH, dispatchRequest(wire, "echo", "open"));
			assertThat(dispatched.statusCode()).isEqualTo(200);
			String id = message(dispatched, DispatchResponse.parser()).getDispatchIds(0);
			HttpResponse<byte[]> waited = wire.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain");
			assertThat(message(waited, CallResult.parser()).getOutput()).isEqualTo(Any.pack(StringValue.of("open")));

			HttpResponse<byte[]> ran = wire.post(RUN, runRequest("echo", "unsigned"));
			assertThat(ran.statusCode()).isEqualTo(200);
			assertThat(message(ran, RunResponse.parser()).getExit().getResult().getOutput())
				.isEqualTo(Any.pack(StringValue.of("unsigned")));
		}
		assertThat(output).contains("dispatch.api.allow-unauthenticated is true: the Dispatch API of this application "
				+ "accepts calls from anyone who can reach it")
			.contains("dispatch.webhook.allow-unsigned is true: this application's webhook runs its functions for "
					+ "anyone who can reach it");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(FuzzApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext application) {
		return ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	private static DispatchRequest dispatchRequest(WireClient wire, String function, String input) {
		return DispatchRequest.newBuilder()
			.addCalls(Call.newBuilder()
				.setFunction(function)
				.setEndpoint(wire.baseUrl())
				.setInput(Any.pack(StringValue.of(input))))
			.build();
	}

	private static RunRequest runRequest(String function, String input) {
		return RunRequest.newBuilder().setFunction(function).setInput(Any.pack(StringValue.of(input))).build();
	}

}
