package io.github.dispatchspring.observability;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.scheduler.AllowedEndpoints;
import io.github.dispatchspring.scheduler.CallDeferredException;
import io.github.dispatchspring.scheduler.CallTracing;
import io.github.dispatchspring.scheduler.EndpointProtection;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.scheduler.HttpCallInvoker;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EndpointGauges}: each host calls go to gets meters of its circuit breaker, its
 * concurrency limit and its deferred calls, tagged with the host.
 */
class EndpointGaugesTests {

	private static final RunRequest request = RunRequest.newBuilder().setFunction("greet").build();

	@Test
	void tellsTheStateOfEachHostCallsWentTo() {
		EndpointProtection protection = new EndpointProtection(new EndpointProtection.Settings(
				new EndpointProtection.CircuitBreakerSettings(50, 2, 2, Duration.ofMinutes(1), 1),
				new EndpointProtection.ConcurrencySettings(8, 1, 16), Duration.ofSeconds(1)), Clock.systemUTC());
		MeterRegistry registry = new SimpleMeterRegistry();
		new EndpointGauges(protection).bindTo(registry);
		HttpCallInvoker invoker = new HttpCallInvoker(HttpClient.newHttpClient(), Duration.ofMinutes(1),
				EndpointRequestSigner.NONE, new AllowedEndpoints(List.of("*"), Set::of), 1024, CallTracing.NONE,
				protection);
		try (ProtocolEndpoint down = ProtocolEndpoint.start((run) -> new Answer(503, "text/plain", new byte[0]))) {
			String host = down.url();
			invoker.invoke(down.url(), request, 1);
			assertThat(registry.get("dispatch.endpoint.circuit.state").tag("host", host).gauge().value()).isZero();
			assertThat(registry.get("dispatch.endpoint.concurrency.limit").tag("host", host).gauge().value()).isEqualTo(4);

			invoker.invoke(down.url(), request, 1);
			assertThatExceptionOfType(CallDeferredException.class)
				.isThrownBy(() -> invoker.invoke(down.url(), request, 1));

			assertThat(registry.get("dispatch.endpoint.circuit.state").tag("host", host).gauge().value()).isEqualTo(2);
			assertThat(registry.get("dispatch.endpoint.calls.deferred")
				.tags("host", host, "reason", "circuit-breaker")
				.functionCounter()
				.count()).isOne();
			assertThat(registry.get("dispatch.endpoint.calls.running").tag("host", host).gauge().value()).isZero();
		}
	}

}
