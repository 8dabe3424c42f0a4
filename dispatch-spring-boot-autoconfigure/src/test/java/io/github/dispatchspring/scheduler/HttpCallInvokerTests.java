package io.github.dispatchspring.scheduler;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.webhook.signature.RequestSigner;
import io.github.dispatchspring.webhook.signature.SigningKeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpCallInvoker} with endpoints the protocol accepts but HTTP cannot reach.
 */
class HttpCallInvokerTests {

	private static final RunRequest request = RunRequest.newBuilder().setFunction("greet").build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final EndpointRequestSigner signer = new SignatureEndpointRequestSigner(
			new RequestSigner(SigningKeyPair.generate().signingKey(), Clock.systemUTC()));

	@ParameterizedTest
	@ValueSource(strings = { "bridge://session", "arn:aws:lambda:us-east-1:123456789012:function:greet" })
	void answersInvalidArgumentForAnEndpointHttpCannotCall(String endpoint) {
		assertInvalidEndpoint(new HttpCallInvoker(this.client, Duration.ofSeconds(1), EndpointRequestSigner.NONE)
			.invoke(endpoint, request));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bridge://session", "arn:aws:lambda:us-east-1:123456789012:function:greet" })
	void answersInvalidArgumentForAnEndpointThatCannotBeSigned(String endpoint) {
		assertInvalidEndpoint(
				new HttpCallInvoker(this.client, Duration.ofSeconds(1), this.signer).invoke(endpoint, request));
	}

	private static void assertInvalidEndpoint(RunResponse response) {
		assertThat(response.getStatus()).isEqualTo(Status.STATUS_INVALID_ARGUMENT);
		assertThat(response.getExit().getResult().getError().getType()).isEqualTo("InvalidEndpoint");
	}

}
