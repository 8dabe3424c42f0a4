package io.github.dispatchspring.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.security.RawHttp.Connection;
import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook and the Dispatch API decide who sent a request from its head, before they read its
 * body: a request refused is answered while its body has not even been sent, and only authenticated
 * requests wait for the bounded number of bodies read at once. Written on raw sockets, which can hold
 * a body back.
 * <p>
 * {@code dispatch.max-concurrent-reads} is 2 here so that two slow bodies are enough to hold every
 * read; with the default of 16 the test would hold 16 connections open.
 */
@SpringBootTest(classes = FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.verification-key=" + AuthenticateBeforeReadingTests.VERIFICATION_KEY,
				"dispatch.api-key=secret", "dispatch.max-concurrent-reads=2" })
class AuthenticateBeforeReadingTests {

	static final String VERIFICATION_KEY = MalformedRequestFuzzTests.VERIFICATION_KEY;

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private static final SigningKeyPair trusted = new SigningKeyPair(
			Ed25519Keys.parseSigningKey(MalformedRequestFuzzTests.SIGNING_KEY),
			Ed25519Keys.parseVerificationKey(VERIFICATION_KEY));

	private static final String PROTO = "Content-Type: application/proto\r\n";

	@LocalServerPort
	private int port;

	@Test
	void refusesAnUnsignedRunBeforeItsBodyIsSent() throws IOException {
		assertThat(statusWithoutBody(MalformedRequests.RUN, PROTO)).isEqualTo(401);
	}

	@Test
	void refusesARunSignedWithAnotherKeyBeforeItsBodyIsSent() throws IOException {
		byte[] body = runRequest();
		assertThat(statusWithoutBody(MalformedRequests.RUN, PROTO + signature(keys, body))).isEqualTo(403);
	}

	@Test
	void refusesADispatchWithoutTheApiKeyBeforeItsBodyIsSent() throws IOException {
		assertThat(statusWithoutBody(MalformedRequests.DISPATCH, PROTO)).isEqualTo(401);
		assertThat(statusWithoutBody(MalformedRequests.DISPATCH, PROTO + "Authorization: Bearer guess\r\n"))
			.isEqualTo(401);
	}

	@Test
	void refusesAWaitWithoutTheApiKeyBeforeItsBodyIsSent() throws IOException {
		assertThat(statusWithoutBody(MalformedRequests.WAIT, "Content-Type: text/plain\r\n")).isEqualTo(401);
	}

	@Test
	void refusesACancelWithoutTheApiKeyBeforeItsBodyIsSent() throws IOException {
		assertThat(statusWithoutBody(MalformedRequests.CANCEL, "Content-Type: text/plain\r\n")).isEqualTo(401);
		assertThat(statusWithoutBody(MalformedRequests.CANCEL, "Content-Type: text/plain\r\nAuthorization: Bearer "
				+ "guess\r\n")).isEqualTo(401);
	}

	@Test
	void runsASignedRunWhoseBodyArrivesSlowly() throws IOException {
		byte[] body = runRequest();
		try (Connection connection = new RawHttp(this.port).open()) {
			connection.writeHead(MalformedRequests.RUN,
					PROTO + signature(trusted, body) + "Content-Length: " + body.length + "\r\n");
			connection.writeSlowly(body, 4, 50);
			assertThat(connection.status()).isEqualTo(200);
		}
	}

	@Test
	void answers429WhileEveryReadIsHeldBySlowAuthenticatedBodies() throws IOException {
		byte[] body = dispatchRequest();
		String authorized = PROTO + "Authorization: Bearer secret\r\nContent-Length: " + body.length + "\r\n";
		RawHttp raw = new RawHttp(this.port);
		try (Connection first = raw.open(); Connection second = raw.open()) {
			for (Connection slow : new Connection[] { first, second }) {
				slow.writeHead(MalformedRequests.DISPATCH, authorized);
				slow.write(Arrays.copyOf(body, 1));
			}
			await("a request refused while both bodies are being read").atMost(Duration.ofSeconds(15))
				.until(() -> sendWhole(raw, authorized, body) == 429);
			for (Connection slow : new Connection[] { first, second }) {
				slow.write(Arrays.copyOfRange(body, 1, body.length));
				assertThat(slow.status()).isEqualTo(200);
			}
		}
		assertThat(sendWhole(raw, authorized, body)).isEqualTo(200);
	}

	private int statusWithoutBody(String path, String headers) throws IOException {
		try (Connection connection = new RawHttp(this.port).open()) {
			connection.writeHead(path, headers + "Content-Length: 1048576\r\n");
			return connection.status();
		}
	}

	private static int sendWhole(RawHttp raw, String headers, byte[] body) throws IOException {
		try (Connection connection = raw.open()) {
			connection.writeHead(MalformedRequests.DISPATCH, headers);
			connection.write(body);
			return connection.status();
		}
	}

	private String signature(SigningKeyPair pair, byte[] body) {
		return RawHttp.lines(new RequestSigner(pair.signingKey(), Clock.systemUTC())
			.sign("POST", URI.create("http://localhost:" + this.port + MalformedRequests.RUN), "application/proto", body)
			.asMap());
	}

	private static byte[] runRequest() {
		return RunRequest.newBuilder()
			.setFunction("echo")
			.setInput(Any.pack(StringValue.of("slowly")))
			.build()
			.toByteArray();
	}

	private byte[] dispatchRequest() {
		return DispatchRequest.newBuilder()
			.addCalls(Call.newBuilder()
				.setFunction("echo")
				.setEndpoint("http://localhost:" + this.port)
				.setInput(Any.pack(StringValue.of("slowly"))))
			.build()
			.toByteArray();
	}

}
