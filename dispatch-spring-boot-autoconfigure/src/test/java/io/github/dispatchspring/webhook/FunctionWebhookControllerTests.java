package io.github.dispatchspring.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link FunctionWebhookController} on a real server, with requests signed by the key pair
 * of the application's embedded scheduler, which its webhook accepts without any setting.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dispatch.max-request-size=1KB")
class FunctionWebhookControllerTests {

	private static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	@LocalServerPort
	private int port;

	@Autowired
	private SchedulerKeys schedulerKeys;

	private WireClient wire;

	@BeforeEach
	void connect() {
		this.wire = new WireClient(this.port).signingWith(this.schedulerKeys.loadOrCreate());
	}

	@Test
	void refusesAnUnsignedRequest() {
		HttpResponse<byte[]> response = new WireClient(this.port).post(RUN, run("greet", "Ada"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(error(response)).containsEntry("code", "unauthenticated");
	}

	@Test
	void runsAFunctionAndAnswersItsOutputAsExactlyApplicationProto() {
		HttpResponse<byte[]> response = this.wire.post(RUN, run("greet", "Ada"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(contentType(response)).isEqualTo("application/proto");
		RunResponse runResponse = message(response, RunResponse.parser());
		assertThat(runResponse.getStatus()).isEqualTo(Status.STATUS_OK);
		assertThat(runResponse.getExit().getResult().getOutput()).isEqualTo(Any.pack(StringValue.of("Hello Ada")));
	}

	@Test
	void refusesABodyThatIsNotARunRequest() {
		HttpResponse<byte[]> response = this.wire.post(RUN, new byte[] { (byte) 0xff, 0x01, 0x02 },
				"application/proto");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(contentType(response)).isEqualTo("application/json");
		assertThat(error(response)).containsEntry("code", "invalid_argument").containsKey("message");
	}

	@Test
	void refusesARequestWithoutFunctionName() {
		HttpResponse<byte[]> response = this.wire.post(RUN, run("", "Ada"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).containsEntry("code", "invalid_argument")
			.containsEntry("message", "function is required");
	}

	@Test
	void answersNotFoundForAnUnknownFunction() {
		HttpResponse<byte[]> response = this.wire.post(RUN, run("nope", "Ada"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response)).containsEntry("code", "not_found")
			.containsEntry("message", "function 'nope' does not exist");
	}

	@Test
	void refusesABodyOverTheMaximumRequestSize() {
		HttpResponse<byte[]> response = this.wire.post(RUN, run("greet", "x".repeat(2048)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(error(response).get("message")).contains("dispatch.max-request-size");
	}

	@Test
	void refusesAChunkedBodyOverTheMaximumRequestSize() {
		HttpResponse<byte[]> response = this.wire.postChunked(RUN, run("greet", "x".repeat(2048)).toByteArray());

		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void refusesAContentTypeThatIsNotProtobuf() {
		HttpResponse<byte[]> response = this.wire.post(RUN, run("greet", "Ada").toByteArray(), "text/plain");

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(error(response).get("message")).contains("text/plain");
	}

	@Test
	void answersAnIllegalArgumentAsInvalidArgumentWithTheExceptionType() {
		RunResponse response = runSuccessfully(run("reject", "Ada"));

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_ARGUMENT);
		assertThat(response.getExit().getResult().getError().getType())
			.isEqualTo(IllegalArgumentException.class.getName());
		assertThat(response.getExit().getResult().getError().getMessage()).isEqualTo("rejected Ada");
	}

	@Test
	void answersAnOutputThatCannotBeSerializedAsInvalidResponse() {
		RunResponse response = runSuccessfully(run("unserializable", "Ada"));

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_RESPONSE);
		assertThat(response.getExit().getResult().hasError()).isTrue();
	}

	@Test
	void answersAnOutputThatCannotTravelExactlyAsInvalidResponse() {
		RunResponse response = runSuccessfully(run("notANumber", "Ada"));

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_RESPONSE);
		assertThat(response.getExit().getResult().getError().getMessage()).contains("NaN");
	}

	@Test
	void answersAnErrorThrownByAFunctionAsPermanentError() {
		RunResponse response = runSuccessfully(run("crash", "Ada"));

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_PERMANENT_ERROR);
		assertThat(response.getExit().getResult().getError().getType()).isEqualTo(StackOverflowError.class.getName());
	}

	@Test
	void answersAStateThatIsNotAJournalAsIncompatibleState() {
		RunResponse response = runSuccessfully(resume("greet", Any.pack(StringValue.of("not a journal"))));

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INCOMPATIBLE_STATE);
	}

	@Test
	void refusesAJournalSuspendedOnAMissingStepAsAMalformedRequest() {
		HttpResponse<byte[]> response = this.wire.post(RUN,
				resume("greet", Any.pack(Journal.newBuilder().setSuspendedAt(5).build())));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).containsEntry("code", "invalid_argument")
			.containsEntry("message", "The journal in the poll result is inconsistent: "
					+ "it does not say where the results of its calls are kept");
	}

	@Test
	void refusesGet() {
		assertThat(this.wire.get(RUN).statusCode()).isEqualTo(405);
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(request("garbage", new byte[] { 0x0a, (byte) 0xff }),
				request("empty body", new byte[0]),
				request("no directive", RunRequest.newBuilder().setFunction("greet").build().toByteArray()),
				request("input of the wrong type", RunRequest.newBuilder()
					.setFunction("greet")
					.setInput(Any.pack(Journal.getDefaultInstance()))
					.build()
					.toByteArray()),
				request("state that is not a journal", resume("greet", Any.pack(StringValue.of("x"))).toByteArray()),
				request("journal suspended on a missing step",
						resume("greet", Any.pack(Journal.newBuilder().setSuspendedAt(7).build())).toByteArray()),
				request("output beyond 64 bits", run("huge", "x").toByteArray()),
				request("function throwing an Error", run("crash", "x").toByteArray()),
				request("text body", "function=greet".getBytes(StandardCharsets.UTF_8)));
	}

	private static Arguments request(String name, byte[] body) {
		return arguments(named(name, body));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void neverAnswersAServerError(byte[] body) {
		assertThat(this.wire.post(RUN, body, "application/proto").statusCode()).isLessThan(500);
	}

	private RunResponse runSuccessfully(RunRequest request) {
		HttpResponse<byte[]> response = this.wire.post(RUN, request);
		assertThat(response.statusCode()).isEqualTo(200);
		return message(response, RunResponse.parser());
	}

	private static RunRequest run(String function, String input) {
		return RunRequest.newBuilder()
			.setFunction(function)
			.setInput(Any.pack(StringValue.of(input)))
			.setDispatchId("d-1")
			.setRootDispatchId("d-1")
			.build();
	}

	private static RunRequest resume(String function, Any state) {
		return RunRequest.newBuilder()
			.setFunction(function)
			.setPollResult(PollResult.newBuilder().setTypedCoroutineState(state))
			.setDispatchId("d-1")
			.setRootDispatchId("d-1")
			.build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class WebhookTestApplication {

	}

	static class Functions {

		@DispatchFunction
		String greet(String name) {
			return "Hello " + name;
		}

		@DispatchFunction
		String reject(String name) {
			throw new IllegalArgumentException("rejected " + name);
		}

		@DispatchFunction
		Object unserializable(String name) {
			return new Unserializable();
		}

		@DispatchFunction
		List<Double> notANumber(String name) {
			return List.of(Double.NaN);
		}

		@DispatchFunction
		String crash(String name) {
			throw new StackOverflowError("deep");
		}

	}

	static class Unserializable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

}
