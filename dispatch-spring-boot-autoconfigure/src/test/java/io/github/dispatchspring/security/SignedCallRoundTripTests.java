package io.github.dispatchspring.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.testsupport.WebhookRequests;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two applications calling each other over HTTP: the function application verifies with
 * {@code dispatch.verification-key}, and the caller's embedded scheduler, which has no such function,
 * signs its requests with {@code dispatch.signing-key}, or without it with the key pair of its own
 * store, which the function application does not trust.
 */
class SignedCallRoundTripTests {

	private static final SigningKeyPair keys = SigningKeyPair.generate();

	private static final Duration AWAIT = Duration.ofSeconds(60);

	private static ConfigurableApplicationContext functionApplication;

	private static String functionEndpoint;

	@BeforeAll
	static void startFunctionApplication() {
		functionApplication = start(FunctionApplication.class,
				"dispatch.verification-key=" + keys.verificationKeyBase64());
		int port = ((WebServerApplicationContext) functionApplication).getWebServer().getPort();
		functionEndpoint = "http://localhost:" + port;
	}

	@AfterAll
	static void stopFunctionApplication() {
		functionApplication.close();
	}

	@BeforeEach
	void forgetEarlierRuns() {
		runRequests().set(0);
	}

	@Test
	void callSignedByTheSchedulerRunsAtTheVerifyingEndpoint() {
		try (ConfigurableApplicationContext caller = startCaller("dispatch.signing-key=" + keys.signingKeyPem())) {
			List<String> greetings = caller.getBean(DispatchClient.class)
				.gather("greet", List.of("Ada", "Grace"), String.class);
			assertThat(greetings).containsExactly("Hello, Ada", "Hello, Grace");
			assertThat(runRequests()).hasValue(2);
		}
	}

	@Test
	void callSignedWithAnotherKeyFailsWithPermissionDeniedWithoutRetry() {
		String otherKey = SigningKeyPair.generate().signingKeyBase64();
		try (ConfigurableApplicationContext caller = startCaller("dispatch.signing-key=" + otherKey)) {
			assertRefusedOnce(caller, "HttpStatus403", "permission_denied");
		}
	}

	@Test
	void callSignedWithTheCallersOwnKeyPairFailsWithPermissionDeniedWithoutRetry() {
		try (ConfigurableApplicationContext caller = startCaller()) {
			assertRefusedOnce(caller, "HttpStatus403", "permission_denied");
		}
	}

	@Test
	void unsignedCallFailsAsUnauthenticatedWithoutRetry() {
		try (ConfigurableApplicationContext caller = start(UnsignedCallerApplication.class,
				"dispatch.endpoint-url=" + functionEndpoint)) {
			assertRefusedOnce(caller, "HttpStatus401", "unauthenticated");
		}
	}

	private static void assertRefusedOnce(ConfigurableApplicationContext caller, String errorType, String code) {
		DispatchClient client = caller.getBean(DispatchClient.class);
		DispatchId id = client.dispatch("greet", "Eve");
		assertThatExceptionOfType(CallFailedException.class).isThrownBy(() -> client.await(id, String.class, AWAIT))
			.satisfies((failure) -> assertThat(failure.getErrorType()).isEqualTo(errorType))
			.withMessageContaining(code);
		assertThat(runRequests()).hasValue(1);
	}

	private static ConfigurableApplicationContext startCaller(String... properties) {
		return start(CallerApplication.class, Stream
			.concat(Stream.of("dispatch.endpoint-url=" + functionEndpoint), Arrays.stream(properties))
			.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static AtomicInteger runRequests() {
		return functionApplication.getBean(WebhookRequests.class).count();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FunctionApplication {

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

		@Bean
		WebhookRequests runRequests() {
			return new WebhookRequests();
		}

		@Bean
		OncePerRequestFilter webhookRequestCounter(WebhookRequests requests) {
			return requests.counter();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CallerApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UnsignedCallerApplication {

		@Bean
		EndpointRequestSigner unsigned() {
			return EndpointRequestSigner.NONE;
		}

	}


	static class Greetings {

		@DispatchFunction
		String greet(String name) {
			return "Hello, " + name;
		}

	}

}
