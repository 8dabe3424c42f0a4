package io.github.dispatchspring.scheduler;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpCallInvoker} against real HTTP endpoints: only allowed endpoints are called,
 * what they answer is read within bounds, and an error answer leaks nothing but its status and its
 * Connect code and message.
 */
class HttpCallInvokerTests {

	private static final RunRequest request = RunRequest.newBuilder().setFunction("greet").build();

	private static final AllowedEndpoints ANY = new AllowedEndpoints(List.of("*"), Set::of);

	private final HttpClient client = HttpClient.newHttpClient();

	private final EndpointRequestSigner signer = new SignatureEndpointRequestSigner(
			new RequestSigner(SigningKeyPair.generate().signingKey(), Clock.systemUTC()));

	@ParameterizedTest
	@ValueSource(strings = { "bridge://session", "arn:aws:lambda:us-east-1:123456789012:function:greet" })
	void answersInvalidArgumentForAnEndpointHttpCannotCall(String endpoint) {
		assertInvalidEndpoint(invoker(EndpointRequestSigner.NONE, ANY).invoke(endpoint, request, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bridge://session", "arn:aws:lambda:us-east-1:123456789012:function:greet" })
	void answersInvalidArgumentForAnEndpointThatCannotBeSigned(String endpoint) {
		assertInvalidEndpoint(invoker(this.signer, ANY).invoke(endpoint, request, 1));
	}

	@Test
	void refusesAnEndpointOutsideTheAllowListWithoutCallingIt() {
		try (ProtocolEndpoint elsewhere = ProtocolEndpoint.start((run) -> Answer.of(ok()))) {
			AllowedEndpoints ownOnly = new AllowedEndpoints(List.of(), () -> Set.of("http://127.0.0.1:1"));

			RunResponse response = invoker(this.signer, ownOnly).invoke(elsewhere.url(), request, 1);

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_PERMISSION_DENIED);
			assertThat(response.getExit().getResult().getError().getType()).isEqualTo("EndpointNotAllowed");
			assertThat(response.getExit().getResult().getError().getMessage())
				.contains(elsewhere.url(), "dispatch.scheduler.allowed-endpoints");
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void callsAnEndpointUnderAnAllowedPrefix() {
		try (ProtocolEndpoint billing = ProtocolEndpoint.start((run) -> Answer.of(ok()))) {
			AllowedEndpoints allowed = new AllowedEndpoints(List.of(billing.url() + "/"), Set::of);

			RunResponse response = invoker(this.signer, allowed).invoke(billing.url() + "/", request, 1);

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_OK);
			assertThat(billing.requests()).containsExactly(request);
		}
	}

	@Test
	void cancelsARunThatOutlastsTheTimeoutOfItsFunction() {
		CountDownLatch answer = new CountDownLatch(1);
		try (ProtocolEndpoint slow = ProtocolEndpoint.start((run) -> {
			awaitQuietly(answer);
			return Answer.of(ok());
		})) {
			RunResponse response;
			try {
				// The endpoint answers only once the test lets it, so the attempt can end only by the
				// timeout given, half a second, well under the invoker's own ten seconds.
				response = invoker(this.signer, ANY).invoke(slow.url(), request, 1, Duration.ofMillis(500));
			}
			finally {
				answer.countDown();
			}

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_TIMEOUT);
			assertThat(response.getExit().getResult().getError().getType())
				.isEqualTo(HttpTimeoutException.class.getName());
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void keepsOnlyTheConnectCodeAndABoundedMessageOfAnErrorAnswer() {
		String json = "{\"code\":\"internal\",\"message\":\"" + "x".repeat(100_000) + " secret-token\"}";
		try (ProtocolEndpoint failing = ProtocolEndpoint
			.start((run) -> new Answer(500, "application/json", json.getBytes(StandardCharsets.UTF_8)))) {

			RunResponse response = invoker(this.signer, ANY).invoke(failing.url(), request, 1);

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_TEMPORARY_ERROR);
			assertThat(response.getExit().getResult().getError().getType()).isEqualTo("HttpStatus500");
			String message = response.getExit().getResult().getError().getMessage();
			assertThat(message).startsWith("the endpoint answered HTTP 500: internal: xxx")
				.doesNotContain("secret-token")
				.hasSizeLessThan(400);
		}
	}

	@Test
	void keepsNothingOfAnErrorAnswerThatIsNotAConnectError() {
		byte[] page = "<html>internal admin page: secret-token</html>".getBytes(StandardCharsets.UTF_8);
		try (ProtocolEndpoint failing = ProtocolEndpoint.start((run) -> new Answer(403, "text/html", page))) {

			RunResponse response = invoker(this.signer, ANY).invoke(failing.url(), request, 1);

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_PERMISSION_DENIED);
			assertThat(response.getExit().getResult().getError().getMessage())
				.isEqualTo("the endpoint answered HTTP 403");
		}
	}

	@Test
	void keepsNothingOfAnAnswerThatIsNotARunResponse() {
		byte[] page = "{\"secret\":\"token\"}".getBytes(StandardCharsets.UTF_8);
		try (ProtocolEndpoint other = ProtocolEndpoint.start((run) -> new Answer(200, "application/json", page))) {

			RunResponse response = invoker(this.signer, ANY).invoke(other.url(), request, 1);

			assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_RESPONSE);
			assertThat(response.getExit().getResult().getError().getMessage()).doesNotContain("secret", "token");
		}
	}

	@Test
	void refusesARunResponseLargerThanTheLimit() {
		RunResponse large = ok(new byte[4096]);
		for (boolean chunked : List.of(false, true)) {
			try (ProtocolEndpoint endpoint = ProtocolEndpoint
				.start((run) -> new Answer(200, "application/proto", large.toByteArray(), chunked))) {

				RunResponse response = invoker(this.signer, ANY, 1024).invoke(endpoint.url(), request, 1);

				assertThat(response.getStatus()).as("chunked: " + chunked).isEqualTo(Status.STATUS_INVALID_RESPONSE);
				assertThat(response.getExit().getResult().getError().getMessage())
					.contains("larger than the limit of 1024 bytes (dispatch.max-request-size)");
			}
		}
	}

	@Test
	void readsARunResponseAsLargeAsTheLimit() {
		RunResponse large = ok(new byte[4096]);
		try (ProtocolEndpoint endpoint = ProtocolEndpoint
			.start((run) -> new Answer(200, "application/proto", large.toByteArray(), true))) {

			RunResponse response = invoker(this.signer, ANY, large.getSerializedSize()).invoke(endpoint.url(), request, 1);

			assertThat(response).isEqualTo(large);
		}
	}

	private HttpCallInvoker invoker(EndpointRequestSigner signer, AllowedEndpoints allowed) {
		return invoker(signer, allowed, 1024 * 1024);
	}

	private HttpCallInvoker invoker(EndpointRequestSigner signer, AllowedEndpoints allowed, long maxResponseSize) {
		return new HttpCallInvoker(this.client, Duration.ofSeconds(10), signer, allowed, maxResponseSize);
	}

	private static RunResponse ok() {
		return ok(new byte[0]);
	}

	private static RunResponse ok(byte[] output) {
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder()
				.setResult(CallResult.newBuilder().setOutput(Any.pack(BytesValue.of(ByteString.copyFrom(output))))))
			.build();
	}

	private static void assertInvalidEndpoint(RunResponse response) {
		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_ARGUMENT);
		assertThat(response.getExit().getResult().getError().getType()).isEqualTo("InvalidEndpoint");
	}

}
