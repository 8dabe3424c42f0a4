package io.github.dispatchspring.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.webhook.FunctionWebhook;
import io.github.dispatchspring.webhook.WireRequest;
import io.github.dispatchspring.webhook.WireResponse;
import io.github.dispatchspring.webhook.signature.RequestVerifier;
import io.github.dispatchspring.webhook.signature.SignedRequest;
import io.github.dispatchspring.webhook.signature.SigningKeyPair;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the key properties of request signatures: {@code dispatch.verification-key} and
 * {@code dispatch.signing-key}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestSignatureAutoConfigurationTests {

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DispatchAutoConfiguration.class));

	@Test
	void refusesUnsignedRequestsWhenVerificationKeyIsSet() {
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + keys.verificationKeyBase64())
			.run((context) -> assertThat(runUnsigned(context).status()).isEqualTo(401));
	}

	@Test
	void acceptsAPemVerificationKeyWithLiteralNewlines() {
		String pem = keys.verificationKeyPem().replace("\n", "\\n");
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + pem)
			.run((context) -> assertThat(runUnsigned(context).status()).isEqualTo(401));
	}

	@Test
	void readsTheVerificationKeyFromTheEnvironmentVariable() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("DISPATCH_VERIFICATION_KEY", keys.verificationKeyBase64()))))
			.run((context) -> assertThat(runUnsigned(context).status()).isEqualTo(401));
	}

	@Test
	void acceptsUnsignedRequestsAndWarnsOnceWithoutVerificationKey(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(RequestVerifier.class);
			assertThat(runUnsigned(context).status()).isEqualTo(404);
		});
		assertThat(output.getOut().split("are not verified", -1)).hasSize(2);
		assertThat(output).contains("DISPATCH_VERIFICATION_KEY");
	}

	@Test
	void treatsABlankVerificationKeyAsNotSet() {
		this.contextRunner.withPropertyValues("dispatch.verification-key= ")
			.run((context) -> assertThat(runUnsigned(context).status()).isEqualTo(404));
	}

	@Test
	void failsOnAMalformedVerificationKeyNamingPropertyAndVariable() {
		this.contextRunner.withPropertyValues("dispatch.verification-key=not-a-key")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dispatch.verification-key")
				.hasMessageContaining("DISPATCH_VERIFICATION_KEY"));
	}

	@Test
	void failsOnAPrivateKeyGivenAsVerificationKey() {
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + keys.signingKeyPem())
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dispatch.verification-key is a PEM PRIVATE KEY, expected a PEM PUBLIC KEY"));
	}

	@Test
	void backsOffWhenUserDefinesRequestVerifier() {
		RequestVerifier own = new RequestVerifier(keys.verificationKey(), Clock.systemUTC());
		this.contextRunner.withPropertyValues("dispatch.verification-key=not-a-key")
			.withBean(RequestVerifier.class, () -> own)
			.run((context) -> assertThat(context).getBean(RequestVerifier.class).isSameAs(own));
	}

	@Test
	void signsEndpointRequestsWhenSigningKeyIsSet() {
		this.contextRunner.withPropertyValues("dispatch.signing-key=" + keys.signingKeyBase64()).run((context) -> {
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			Map<String, String> headers = context.getBean(EndpointRequestSigner.class)
				.sign("POST", URI.create("http://localhost:8080/run"), "application/proto", body);
			Map<String, String> sent = new java.util.HashMap<>(headers);
			sent.put("Content-Type", "application/proto");
			assertThatNoException().isThrownBy(() -> new RequestVerifier(keys.verificationKey(), Clock.systemUTC())
				.verify(SignedRequest.of("POST", "/run", "localhost:8080", sent, body)));
		});
	}

	@Test
	void sendsUnsignedWithoutSigningKey() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(EndpointRequestSigner.class));
	}

	@Test
	void failsOnAMalformedSigningKeyNamingPropertyAndVariableWithoutShowingIt() {
		this.contextRunner.withPropertyValues("dispatch.signing-key=c2VjcmV0LWJ1dC13cm9uZw==")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dispatch.signing-key")
				.hasMessageContaining("DISPATCH_SIGNING_KEY")
				.hasMessageNotContaining("c2VjcmV0LWJ1dC13cm9uZw=="));
	}

	@Test
	void backsOffWhenUserDefinesEndpointRequestSigner() {
		EndpointRequestSigner own = (method, uri, contentType, body) -> Map.of("X-Signed", "yes");
		this.contextRunner.withPropertyValues("dispatch.signing-key=" + keys.signingKeyBase64())
			.withBean(EndpointRequestSigner.class, () -> own)
			.run((context) -> assertThat(context).getBean(EndpointRequestSigner.class).isSameAs(own));
	}

	private static WireResponse runUnsigned(ApplicationContext context) {
		Function<String, @Nullable String> headers = (name) -> null;
		return context.getBean(FunctionWebhook.class)
			.run(new WireRequest("POST", "/dispatch.sdk.v1.FunctionService/Run", "localhost", headers,
					io.github.dispatchspring.proto.RunRequest.newBuilder()
						.setFunction("absent")
						.setInput(com.google.protobuf.Any.getDefaultInstance())
						.build()
						.toByteArray()));
	}

}
