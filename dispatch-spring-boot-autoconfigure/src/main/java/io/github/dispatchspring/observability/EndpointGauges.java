package io.github.dispatchspring.observability;

import java.util.function.ToDoubleFunction;

import io.github.dispatchspring.scheduler.EndpointHost;
import io.github.dispatchspring.scheduler.EndpointProtection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Meters of the endpoint hosts calls go to over HTTP, tagged with the host: the state of its circuit
 * breaker, its concurrency limit, the calls running there and the calls deferred, by reason. A host
 * gets its meters when the first call goes to it.
 */
public final class EndpointGauges implements MeterBinder {

	private static final String HOST = "host";

	private final EndpointProtection protection;

	/**
	 * Creates the meters.
	 * @param protection the protection of the endpoint hosts
	 */
	public EndpointGauges(EndpointProtection protection) {
		this.protection = protection;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.protection.onNewHost((host) -> bind(host, registry));
		this.protection.hosts().forEach((host) -> bind(host, registry));
	}

	private static void bind(EndpointHost host, MeterRegistry registry) {
		if (host.circuitState() != null) {
			Gauge.builder("dispatch.endpoint.circuit.state", host, EndpointGauges::circuitState)
				.description("State of the host's circuit breaker: 0 closed, 1 half-open, 2 open")
				.tag(HOST, host.host())
				.register(registry);
			deferred(registry, host, "circuit-breaker", EndpointHost::deferredByCircuitBreaker);
		}
		if (host.concurrencyLimit() != null) {
			Gauge.builder("dispatch.endpoint.concurrency.limit", host, (watched) -> orNaN(watched.concurrencyLimit()))
				.description("Calls the scheduler sends to the host at once at most, as adapted to its answers")
				.tag(HOST, host.host())
				.register(registry);
			Gauge.builder("dispatch.endpoint.calls.running", host, (watched) -> orNaN(watched.runningCalls()))
				.description("Calls running at the host")
				.tag(HOST, host.host())
				.register(registry);
			deferred(registry, host, "concurrency-limit", EndpointHost::deferredByConcurrencyLimit);
		}
	}

	private static void deferred(MeterRegistry registry, EndpointHost host, String reason,
			ToDoubleFunction<EndpointHost> count) {
		FunctionCounter.builder("dispatch.endpoint.calls.deferred", host, count)
			.description("Calls handed back to the store, without using an attempt, because the host did not take them")
			.tag(HOST, host.host())
			.tag("reason", reason)
			.register(registry);
	}

	private static double orNaN(@Nullable Integer value) {
		return (value != null) ? value : Double.NaN;
	}

	private static double circuitState(EndpointHost host) {
		String state = host.circuitState();
		if (state == null) {
			return Double.NaN;
		}
		return switch (state) {
			case "CLOSED" -> 0;
			case "HALF_OPEN" -> 1;
			case "OPEN" -> 2;
			default -> Double.NaN;
		};
	}

}
