package io.github.dispatchspring.scheduler;

import java.util.Collections;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the checks of the embedded Dispatch API: the API key, the content type, and the limits of
 * a {@code DispatchRequest}, each refused with a Connect error.
 */
@ExtendWith(OutputCaptureExtension.class)
class DispatchApiRequestChecksTests {

	private static final String PATH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withBean(Greetings.class)
		.withPropertyValues("dispatch.api-key=s3cret", "dispatch.api.max-calls-per-request=3",
				"dispatch.api.max-input-size=1KB", "dispatch.max-request-size=16KB");

	@Test
	void acceptsCallsWithTheApiKey() {
		this.contextRunner.run((context) -> {
			MvcTestResult result = post(context, "Bearer s3cret", "application/proto", request(greet("Ada")));
			assertThat(result).hasStatusOk().hasContentType("application/proto");
			assertThat(DispatchResponse.parseFrom(result.getResponse().getContentAsByteArray()).getDispatchIdsCount())
				.isOne();
		});
	}

	@Test
	void answers401WithoutAuthorization() {
		this.contextRunner.run((context) -> assertThat(post(context, null, "application/proto", request(greet("Ada"))))
			.hasStatus(401)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("unauthenticated"));
	}

	@Test
	void answers401ForAnotherApiKey() {
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cre", "application/proto",
				request(greet("Ada"))))
			.hasStatus(401)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.contains("DISPATCH_API_KEY"));
	}

	@Test
	void refusesEveryCallWhenNoApiKeyIsSet() {
		this.contextRunner.withPropertyValues("dispatch.api-key=").run((context) -> {
			assertThat(post(context, null, "application/proto", request(greet("Ada")))).hasStatus(401)
				.bodyJson()
				.extractingPath("$.message")
				.asString()
				.contains("set dispatch.api-key", "dispatch.api.allow-unauthenticated=true");
			assertThat(post(context, "Bearer ", "application/proto", request(greet("Ada")))).hasStatus(401);
		});
	}

	@Test
	void acceptsCallsWithoutAuthorizationAndWarnsWhenOpenedExplicitly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dispatch.api-key=", "dispatch.api.allow-unauthenticated=true")
			.run((context) -> assertThat(post(context, null, "application/proto", request(greet("Ada"))))
				.hasStatusOk());
		assertThat(output).contains("dispatch.api.allow-unauthenticated is true: the Dispatch API of this "
				+ "application accepts calls from anyone who can reach it");
	}

	@Test
	void answers400NamingTheSettingForAnEndpointOutsideTheAllowList() {
		Call elsewhere = greet("Ada").toBuilder().setEndpoint("http://10.0.0.7:8080").build();
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				request(greet("Ada"), elsewhere)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.isEqualTo("calls[1].endpoint 'http://10.0.0.7:8080' is not allowed: calls go only to this "
					+ "application's instances and to the URL prefixes listed in dispatch.scheduler.allowed-endpoints"));
	}

	@Test
	void acceptsACallToAnEndpointUnderAnAllowedPrefix() {
		Call billing = greet("Ada").toBuilder().setEndpoint("http://10.0.0.7:8080/billing").build();
		this.contextRunner.withPropertyValues("dispatch.scheduler.allowed-endpoints=http://10.0.0.7:8080")
			.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto", request(billing)))
				.hasStatusOk());
	}

	@Test
	void answers415ForAnotherContentType() {
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/json",
				request(greet("Ada"))))
			.hasStatus(415)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.contains("application/json"));
	}

	@Test
	void answers400ForABodyThatIsNotADispatchRequest() {
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				new byte[] { 0x0a, 0x7f, 0x01 }))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("invalid_argument"));
	}

	@Test
	void answers400NamingTheCallWhoseInputIsTooLarge() {
		Call large = greet("Ada").toBuilder()
			.setInput(Any.pack(BytesValue.of(ByteString.copyFrom(new byte[2048]))))
			.build();
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				request(greet("Ada"), large)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.startsWith("calls[1].input is ")
			.contains("more than the limit of 1024 bytes (dispatch.api.max-input-size)"));
	}

	@Test
	void answers400ForTooManyCalls() {
		Call[] calls = Collections.nCopies(4, greet("Ada")).toArray(Call[]::new);
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				request(calls)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.contains("at most 3 calls"));
	}

	@Test
	void answers400ForAnInvalidFunctionNameOrEndpoint() {
		Call badName = greet("Ada").toBuilder().setFunction("9lives").build();
		Call badEndpoint = greet("Ada").toBuilder().setEndpoint("ftp://example.com").build();
		this.contextRunner.run((context) -> {
			assertThat(post(context, "Bearer s3cret", "application/proto", request(badName))).hasStatus(400)
				.bodyJson()
				.extractingPath("$.message")
				.asString()
				.startsWith("calls[0].function '9lives'");
			assertThat(post(context, "Bearer s3cret", "application/proto", request(greet("Ada"), badEndpoint)))
				.hasStatus(400)
				.bodyJson()
				.extractingPath("$.message")
				.asString()
				.startsWith("calls[1].endpoint");
		});
	}

	@Test
	void answers400ForAnExpirationBeyondTheRangeOfDurations() {
		Call forever = greet("Ada").toBuilder()
			.setExpiration(com.google.protobuf.Duration.newBuilder().setSeconds(Long.MAX_VALUE))
			.build();
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				request(forever)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.startsWith("calls[0].expiration is not a valid duration"));
	}

	@Test
	void answers413ForABodyLargerThanTheRequestSizeLimit() {
		this.contextRunner.run((context) -> assertThat(post(context, "Bearer s3cret", "application/proto",
				new byte[16 * 1024 + 1]))
			.hasStatus(413)
			.bodyJson()
			.extractingPath("$.message")
			.asString()
			.contains("dispatch.max-request-size"));
	}

	private static Call greet(String name) {
		return Call.newBuilder()
			.setFunction("greet")
			.setEndpoint("http://localhost:8080")
			.setInput(Any.pack(StringValue.of(name)))
			.build();
	}

	private static byte[] request(Call... calls) {
		return DispatchRequest.newBuilder().addAllCalls(java.util.List.of(calls)).build().toByteArray();
	}

	private static MvcTestResult post(WebApplicationContext context, String authorization, String contentType,
			byte[] body) {
		Map<String, String> headers = (authorization != null) ? Map.of("Authorization", authorization) : Map.of();
		return MockMvcTester.from(context)
			.post()
			.uri(PATH)
			.contentType(contentType)
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
