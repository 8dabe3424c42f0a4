package io.github.dispatchspring.scheduler;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AllowedEndpoints}: this application's instances and the configured URL prefixes,
 * matched on whole URL parts.
 */
class AllowedEndpointsTests {

	private final AllowedEndpoints allowed = new AllowedEndpoints(List.of("https://billing.internal:8443/dispatch/"),
			() -> Set.of("http://localhost:8080"));

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://localhost:8080/", "HTTP://LOCALHOST:8080",
			"http://localhost:8080/tenant", "https://billing.internal:8443/dispatch",
			"https://billing.internal:8443/dispatch/", "https://billing.internal:8443/dispatch/v2",
			"https://BILLING.internal:8443/dispatch" })
	void allowsThisApplicationsInstancesAndTheConfiguredPrefixes(String endpoint) {
		assertThat(this.allowed.refusal(endpoint)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8081", "http://localhost:80801", "http://localhost:8080.evil.example",
			"http://localhost:8080@evil.example", "https://localhost:8080", "http://localhost",
			"https://billing.internal:8443/dispatcher", "https://billing.internal:8443/", "https://billing.internal",
			"https://billing.internal:8443/dispatch/../admin", "http://169.254.169.254/latest/meta-data",
			"bridge://session", "arn:aws:lambda:us-east-1:123456789012:function:f", "ftp://localhost:8080", "",
			"http://[::1", "not a url" })
	void refusesEveryOtherEndpointNamingTheSetting(String endpoint) {
		assertThat(this.allowed.refusal(endpoint)).contains("is not allowed")
			.endsWith("the URL prefixes listed in dispatch.scheduler.allowed-endpoints");
	}

	@Test
	void followsTheInstancesOfTheApplicationAsTheyChange() {
		Set<String> instances = new java.util.concurrent.CopyOnWriteArraySet<>(Set.of("http://10.0.0.1:8080"));
		AllowedEndpoints ownInstances = new AllowedEndpoints(List.of(), () -> Set.copyOf(instances));

		assertThat(ownInstances.refusal("http://10.0.0.2:8080")).isNotNull();
		instances.add("http://10.0.0.2:8080");

		assertThat(ownInstances.refusal("http://10.0.0.2:8080")).isNull();
	}

	@Test
	void allowsEveryEndpointWithTheWildcard() {
		AllowedEndpoints any = new AllowedEndpoints(List.of("*"), Set::of);

		assertThat(any.allowsAny()).isTrue();
		assertThat(any.refusal("http://169.254.169.254")).isNull();
		assertThat(this.allowed.allowsAny()).isFalse();
	}

	@Test
	void failsOnAPrefixThatIsNotAnHttpUrlNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowedEndpoints(List.of("billing.internal"), Set::of))
			.withMessageContaining("dispatch.scheduler.allowed-endpoints lists 'billing.internal'");
	}

}
