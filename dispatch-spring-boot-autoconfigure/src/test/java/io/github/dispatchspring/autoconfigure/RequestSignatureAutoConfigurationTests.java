package io.github.dispatchspring.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.RequestVerifier;
import io.github.dispatchspring.signature.SignedRequest;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the keys of request signatures: {@code dispatch.verification-key},
 * {@code dispatch.signing-key}, the key pair the embedded scheduler keeps in its store when none is
 * set, and {@code dispatch.webhook.allow-unsigned}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestSignatureAutoConfigurationTests {

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	private static final byte[] RUN_REQUEST = RunRequest.newBuilder()
		.setFunction("absent")
		.setInput(com.google.protobuf.Any.getDefaultInstance())
		.build()
		.toByteArray();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all());

	@Test
	void refusesUnsignedRequestsWhenVerificationKeyIsSet() {
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + keys.verificationKeyBase64())
			.run((context) -> assertThat(runUnsigned(context).getResponse().getStatus()).isEqualTo(401));
	}

	@Test
	void acceptsAPemVerificationKeyWithLiteralNewlines() {
		String pem = keys.verificationKeyPem().replace("\n", "\\n");
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + pem)
			.run((context) -> assertThat(runUnsigned(context).getResponse().getStatus()).isEqualTo(401));
	}

	@Test
	void readsTheVerificationKeyFromTheEnvironmentVariable() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("DISPATCH_VERIFICATION_KEY", keys.verificationKeyBase64()))))
			.run((context) -> assertThat(runUnsigned(context).getResponse().getStatus()).isEqualTo(401));
	}

	@Test
	void refusesUnsignedRequestsWithoutVerificationKey() {
		this.contextRunner.run((context) -> assertThat(runUnsigned(context).getResponse().getStatus()).isEqualTo(401));
	}

	@Test
	void acceptsRequestsSignedWithTheSchedulersKeyPairWithoutAnyKeySet() {
		this.contextRunner.run((context) -> {
			SigningKeyPair pair = context.getBean(SchedulerKeys.class).loadOrCreate();
			assertThat(runSigned(context, pair).getResponse().getStatus()).isEqualTo(404);
			assertThat(runSigned(context, SigningKeyPair.generate()).getResponse().getStatus()).isEqualTo(403);
		});
	}

	@Test
	void acceptsRequestsSignedWithTheVerificationKeyOrTheSchedulersKeyPair() {
		this.contextRunner.withPropertyValues("dispatch.verification-key=" + keys.verificationKeyBase64())
			.run((context) -> {
				assertThat(runSigned(context, keys).getResponse().getStatus()).isEqualTo(404);
				SigningKeyPair scheduler = context.getBean(SchedulerKeys.class).loadOrCreate();
				assertThat(runSigned(context, scheduler).getResponse().getStatus()).isEqualTo(404);
			});
	}

	@Test
	void acceptsUnsignedRequestsAndWarnsOnceWhenOpenedExplicitly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dispatch.webhook.allow-unsigned=true")
			.run((context) -> assertThat(runUnsigned(context).getResponse().getStatus()).isEqualTo(404));
		assertThat(output.getOut().split("dispatch.webhook.allow-unsigned is true", -1)).hasSize(2);
		assertThat(output).contains("runs its functions for anyone who can reach it");
	}

	@Test
	void refusesEveryRequestAndWarnsWithoutAnyKeyToVerifyWith(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dispatch.api-url=http://localhost:1").run((context) -> {
			assertThat(context).doesNotHaveBean(RequestVerifier.class);
			MvcTestResult unsigned = runUnsigned(context);
			assertThat(unsigned.getResponse().getStatus()).isEqualTo(401);
			assertThat(unsigned.getResponse().getContentAsString()).contains("has no key to verify request signatures");
			assertThat(runSigned(context, keys).getResponse().getStatus()).isEqualTo(401);
		});
		assertThat(output).contains("refuses every request", "DISPATCH_VERIFICATION_KEY",
				"dispatch.webhook.allow-unsigned=true");
	}

	@Test
	void treatsABlankVerificationKeyAsNotSet() {
		this.contextRunner.withPropertyValues("dispatch.verification-key= ").run((context) -> {
			assertThat(context).hasNotFailed();
			SigningKeyPair scheduler = context.getBean(SchedulerKeys.class).loadOrCreate();
			assertThat(runSigned(context, scheduler).getResponse().getStatus()).isEqualTo(404);
		});
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
		this.contextRunner.withPropertyValues("dispatch.signing-key=" + keys.signingKeyBase64())
			.run((context) -> assertThatNoException()
				.isThrownBy(() -> new RequestVerifier(keys.verificationKey(), Clock.systemUTC())
					.verify(signedBy(context.getBean(EndpointRequestSigner.class)))));
	}

	@Test
	void signsEndpointRequestsWithTheSchedulersKeyPairWithoutSigningKey() {
		this.contextRunner.run((context) -> {
			SigningKeyPair pair = context.getBean(SchedulerKeys.class).loadOrCreate();
			assertThatNoException().isThrownBy(() -> new RequestVerifier(pair.verificationKey(), Clock.systemUTC())
				.verify(signedBy(context.getBean(EndpointRequestSigner.class))));
		});
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

	private static SignedRequest signedBy(EndpointRequestSigner signer) {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new HashMap<>(
				signer.sign("POST", URI.create("http://localhost:8080/run"), "application/proto", body));
		headers.put("Content-Type", "application/proto");
		return SignedRequest.of("POST", "/run", "localhost:8080", headers, body);
	}

	private static MvcTestResult runUnsigned(WebApplicationContext context) {
		return run(context, Map.of());
	}

	private static MvcTestResult runSigned(WebApplicationContext context, SigningKeyPair pair) {
		return run(context, new RequestSigner(pair.signingKey(), Clock.systemUTC())
			.sign("POST", URI.create("http://localhost" + RUN), "application/proto", RUN_REQUEST)
			.asMap());
	}

	private static MvcTestResult run(WebApplicationContext context, Map<String, String> headers) {
		return MockMvcTester.from(context)
			.post()
			.uri(RUN)
			.contentType("application/proto")
			.headers((http) -> headers.forEach(http::add))
			.content(RUN_REQUEST)
			.exchange();
	}

}
