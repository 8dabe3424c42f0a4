package io.github.dispatchspring.scheduler;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.github.dispatchspring.testsupport.WireClient.contentType;
import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DispatchApiController}: the embedded scheduler's Dispatch API on a real server,
 * protected by an API key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dispatch.api-key=secret")
class DispatchApiControllerTests {

	private static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	private static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	private static final String[] AUTHORIZED = { "Authorization", "Bearer secret" };

	@LocalServerPort
	private int port;

	private WireClient wire;

	@BeforeEach
	void connect() {
		this.wire = new WireClient(this.port);
	}

	@Test
	void acceptsCallsAndAnswersTheirIdsInCallOrder() {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH,
				dispatchRequest(call("greet", "Ada"), call("greet", "Grace")), AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(contentType(response)).isEqualTo("application/proto");
		List<String> ids = message(response, DispatchResponse.parser()).getDispatchIdsList();
		assertThat(ids).hasSize(2).doesNotHaveDuplicates();
		assertThat(waitFor(ids.get(0)).getOutput()).isEqualTo(greeting("Ada"));
		assertThat(waitFor(ids.get(1)).getOutput()).isEqualTo(greeting("Grace"));
	}

	@Test
	void waitsForTheResultOfAnAcceptedCall() {
		String id = dispatch(call("greet", "Ada"));

		CallResult result = waitFor(id);

		assertThat(result.getDispatchId()).isEqualTo(id);
		assertThat(result.hasError()).isFalse();
		assertThat(result.getOutput()).isEqualTo(greeting("Ada"));
	}

	@Test
	void refusesARequestWithoutAuthorization() {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH, dispatchRequest(call("greet", "Ada")));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(error(response)).containsEntry("code", "unauthenticated");
	}

	@Test
	void refusesAWrongApiKey() {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH, dispatchRequest(call("greet", "Ada")),
				"Authorization", "Bearer wrong");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(error(response)).containsEntry("code", "unauthenticated");
	}

	@Test
	void refusesAWaitWithoutAuthorization() {
		String id = dispatch(call("greet", "Ada"));

		assertThat(this.wire.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain").statusCode())
			.isEqualTo(401);
	}

	@Test
	void refusesAnEndpointThatIsNotHttp() {
		Call call = call("greet", "Ada").toBuilder().setEndpoint("ftp://x").build();

		HttpResponse<byte[]> response = this.wire.post(DISPATCH, dispatchRequest(call), AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).containsEntry("code", "invalid_argument");
		assertThat(error(response).get("message")).contains("ftp://x");
	}

	@Test
	void refusesAnInvalidFunctionName() {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH, dispatchRequest(call("has space", "Ada")),
				AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response).get("message")).contains("'has space'");
	}

	@Test
	void refusesABodyThatIsNotADispatchRequest() {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH, new byte[] { (byte) 0xff, 0x01 },
				"application/proto", AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).containsEntry("code", "invalid_argument");
	}

	@Test
	void answersNotFoundOnWaitForAnUnknownId() {
		HttpResponse<byte[]> response = this.wire.post(WAIT, "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
				"text/plain", AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response)).containsEntry("code", "not_found");
	}

	private String dispatch(Call call) {
		HttpResponse<byte[]> response = this.wire.post(DISPATCH, dispatchRequest(call), AUTHORIZED);
		assertThat(response.statusCode()).isEqualTo(200);
		return message(response, DispatchResponse.parser()).getDispatchIds(0);
	}

	private CallResult waitFor(String id) {
		HttpResponse<byte[]> response = this.wire.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain",
				AUTHORIZED);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(contentType(response)).isEqualTo("application/proto");
		return message(response, CallResult.parser());
	}

	private static Any greeting(String name) {
		return Any.pack(StringValue.of("Hello " + name));
	}

	private Call call(String function, String input) {
		return Call.newBuilder()
			.setFunction(function)
			.setEndpoint(this.wire.baseUrl())
			.setInput(Any.pack(StringValue.of(input)))
			.build();
	}

	private static DispatchRequest dispatchRequest(Call... calls) {
		return DispatchRequest.newBuilder().addAllCalls(List.of(calls)).build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class DispatchApiTestApplication {

	}

	static class Functions {

		@DispatchFunction
		String greet(String name) {
			return "Hello " + name;
		}

	}

}
