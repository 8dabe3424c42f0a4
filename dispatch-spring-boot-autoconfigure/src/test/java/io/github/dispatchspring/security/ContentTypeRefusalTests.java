package io.github.dispatchspring.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.security.RawHttp.Connection;
import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.RequestSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every content type the protocol paths do not take is answered 415 with a Connect error, before
 * Spring's multipart resolution or any other part of the application reads the body: multipart with
 * and without a boundary, forms, JSON and unknown types, on the webhook, {@code Dispatch} and
 * {@code Wait} and {@code Cancel}, by an application with keys (requests signed and authorized) and one without.
 */
class ContentTypeRefusalTests {

	private static final String BOUNDARY = "----dispatch";

	private static final List<String> CONTENT_TYPES = List.of("multipart/form-data; boundary=" + BOUNDARY,
			"multipart/form-data", "multipart/mixed; boundary=" + BOUNDARY, "application/x-www-form-urlencoded",
			"application/json", "text/html", "application/vnd.unknown+xml", "image/png", "x");

	private static ConfigurableApplicationContext withKeys;

	private static ConfigurableApplicationContext withoutKeys;

	@BeforeAll
	static void startApplications() {
		withKeys = start("dispatch.api-key=" + MalformedRequestFuzzTests.API_KEY,
				"dispatch.verification-key=" + MalformedRequestFuzzTests.VERIFICATION_KEY);
		withoutKeys = start();
	}

	@AfterAll
	static void stopApplications() {
		withKeys.close();
		withoutKeys.close();
	}

	static Stream<Arguments> requests() {
		return Stream.of(true, false)
			.flatMap((keys) -> Stream.of(MalformedRequests.RUN, MalformedRequests.DISPATCH, MalformedRequests.WAIT,
					MalformedRequests.CANCEL)
				.flatMap((path) -> CONTENT_TYPES.stream().map((type) -> arguments(keys, path, type))));
	}

	@ParameterizedTest(name = "keys {0}: {1} as {2}")
	@MethodSource("requests")
	void answers415WithAConnectError(boolean keys, String path, String contentType) throws IOException {
		ConfigurableApplicationContext application = keys ? withKeys : withoutKeys;
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		byte[] body = body(contentType);
		try (Connection connection = new RawHttp(port).open()) {
			connection.writeHead(path, "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n"
					+ (keys ? credentials(port, path, contentType, body) : ""));
			connection.write(body);
			assertThat(connection.status()).isEqualTo(415);
			assertThat(connection.rest()).contains("Content-Type: application/json")
				.contains("{\"code\":\"invalid_argument\",\"message\":\"content type '" + contentType);
		}
		assertThat(application.getBean(FuzzApplication.Functions.class).echoed()).doesNotContain("by form");
	}

	private static String credentials(int port, String path, String contentType, byte[] body) {
		if (!path.equals(MalformedRequests.RUN)) {
			return "Authorization: Bearer " + MalformedRequestFuzzTests.API_KEY + "\r\n";
		}
		return RawHttp.lines(
				new RequestSigner(Ed25519Keys.parseSigningKey(MalformedRequestFuzzTests.SIGNING_KEY), Clock.systemUTC())
					.sign("POST", URI.create("http://localhost:" + port + path), contentType, body)
					.asMap());
	}

	private static byte[] body(String contentType) {
		byte[] run = RunRequest.newBuilder()
			.setFunction("echo")
			.setInput(Any.pack(StringValue.of("by form")))
			.build()
			.toByteArray();
		if (!contentType.startsWith("multipart/")) {
			return run;
		}
		ByteArrayOutputStream multipart = new ByteArrayOutputStream();
		multipart.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"run\"\r\n"
				+ "Content-Type: application/proto\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		multipart.writeBytes(run);
		multipart.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		return multipart.toByteArray();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(FuzzApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

}
