package io.github.dispatchspring.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhook with {@code dispatch.verification-key} set: only requests signed with the
 * matching key run functions; the others are answered with a Connect error.
 */
class FunctionWebhookSignatureTests {

	private static final String PATH = "/dispatch.sdk.v1.FunctionService/Run";

	private static final URI URL = URI.create("http://localhost" + PATH);

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withBean(Greetings.class)
		.withPropertyValues("dispatch.verification-key=" + keys.verificationKeyPem());

	private final byte[] body = RunRequest.newBuilder()
		.setFunction("greet")
		.setInput(com.google.protobuf.Any.pack(StringValue.of("Ada")))
		.build()
		.toByteArray();

	@Test
	void runsASignedRequest() {
		this.contextRunner.run((context) -> {
			MvcTestResult result = post(context, signed(this.body, Clock.systemUTC()), this.body);
			assertThat(result).hasStatusOk().hasContentType("application/proto");
			RunResponse response = RunResponse.parseFrom(result.getResponse().getContentAsByteArray());
			assertThat(response.getStatus()).isEqualTo(Status.STATUS_OK);
			assertThat(response.getExit().getResult().getOutput().unpack(StringValue.class).getValue())
				.isEqualTo("Hello, Ada");
		});
	}

	@Test
	void refusesASignedRequestSentAgain() {
		Map<String, String> headers = signed(this.body, Clock.systemUTC());
		this.contextRunner.run((context) -> {
			assertThat(post(context, headers, this.body)).hasStatusOk();
			assertThat(post(context, headers, this.body)).hasStatus(403)
				.bodyJson()
				.extractingPath("$.message")
				.asString()
				.contains("this signature was accepted already");
			assertThat(post(context, signed(this.body, Clock.systemUTC()), this.body)).hasStatusOk();
		});
	}

	@Test
	void acceptsASignatureAgainAfterItsBodyFailedTheDigest() {
		Map<String, String> headers = signed(this.body, Clock.systemUTC());
		this.contextRunner.run((context) -> {
			assertThat(post(context, headers, "tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.hasStatus(403);
			assertThat(post(context, headers, this.body)).hasStatusOk();
		});
	}

	@Test
	void answers401WithoutSignatureHeaders() {
		this.contextRunner.run((context) -> assertThat(post(context, Map.of(), this.body)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"code": "unauthenticated",
					 "message": "request signature: request has no Signature-Input header"}"""));
	}

	@Test
	void answers401ForAGarbageSignature() {
		Map<String, String> headers = Map.of("Signature-Input", "dispatch=(", "Signature", "dispatch=:AA==:");
		this.contextRunner.run((context) -> assertThat(post(context, headers, this.body)).hasStatus(401)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("unauthenticated"));
	}

	@Test
	void answers403ForATamperedBody() throws InvalidProtocolBufferException {
		byte[] tampered = RunRequest.parseFrom(this.body)
			.toBuilder()
			.setInput(com.google.protobuf.Any.pack(StringValue.of("Eve")))
			.build()
			.toByteArray();
		this.contextRunner.run((context) -> assertThat(post(context, signed(this.body, Clock.systemUTC()), tampered))
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"code": "permission_denied",
					 "message": "request signature: Content-Digest sha-512 does not match the request body"}"""));
	}

	@Test
	void answers403ForASignatureOlderThanFiveMinutes() {
		Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
		this.contextRunner.run((context) -> assertThat(post(context, signed(this.body, sixMinutesAgo), this.body))
			.hasStatus(403)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.contains("older than the 300s limit"));
	}

	@Test
	void answers403ForASignatureOfAnotherKey() {
		Map<String, String> headers = new RequestSigner(SigningKeyPair.generate().signingKey(), Clock.systemUTC())
			.sign("POST", URL, "application/proto", this.body)
			.asMap();
		this.contextRunner.run((context) -> assertThat(post(context, headers, this.body)).hasStatus(403)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("permission_denied"));
	}

	private static Map<String, String> signed(byte[] body, Clock clock) {
		return new RequestSigner(keys.signingKey(), clock).sign("POST", URL, "application/proto", body).asMap();
	}

	private static MvcTestResult post(WebApplicationContext context, Map<String, String> headers, byte[] body) {
		return MockMvcTester.from(context)
			.post()
			.uri(PATH)
			.contentType("application/proto")
			.headers((http) -> headers.forEach(http::add))
			.content(body)
			.exchange();
	}

	static class Greetings {

		@DispatchFunction
		String greet(String name) {
			return "Hello, " + name;
		}

	}

}
