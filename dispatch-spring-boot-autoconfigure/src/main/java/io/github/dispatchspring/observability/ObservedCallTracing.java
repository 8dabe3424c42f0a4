package io.github.dispatchspring.observability;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.CallTracing;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.TraceHeaders;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * Observes dispatches, attempts and requests to endpoints with Micrometer Observation, so that any
 * tracing bridge sees them: a dispatch ({@value #DISPATCH}) is a producer whose propagated fields the
 * calls keep, an attempt ({@value #RUN}) a consumer that continues the trace its call keeps, in scope
 * while the function runs in-process, and a request to an endpoint ({@value #REQUEST}) a client whose
 * propagated fields go in the request's headers, W3C {@code traceparent} with the default propagation.
 */
public final class ObservedCallTracing implements CallTracing {

	/** The name of the observation of a dispatch. */
	public static final String DISPATCH = "dispatch.dispatch";

	/** The name of the observation of an attempt. */
	public static final String RUN = "dispatch.run";

	/** The name of the observation of a request to an endpoint. */
	public static final String REQUEST = "dispatch.request";

	private static final String FUNCTION = "dispatch.function";

	private static final String STATUS = "dispatch.status";

	private final ObservationRegistry registry;

	/**
	 * Creates the tracing.
	 * @param registry where observations go
	 */
	public ObservedCallTracing(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Observed dispatch(List<String> functions) {
		String function = (functions.stream().distinct().count() == 1) ? functions.get(0) : "several";
		SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.PRODUCER);
		context.setCarrier(new LinkedHashMap<>());
		Observation observation = Observation.createNotStarted(DISPATCH, () -> context, this.registry)
			.contextualName("dispatch " + function)
			.lowCardinalityKeyValue(FUNCTION, function)
			.highCardinalityKeyValue("dispatch.calls", Integer.toString(functions.size()))
			.start();
		return new Running(observation, null, context.getCarrier());
	}

	@Override
	public Observed run(ClaimedCall call) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
		context.setCarrier(TraceHeaders.decode(call.call().traceContext()));
		Observation observation = Observation.createNotStarted(RUN, () -> context, this.registry)
			.contextualName("run " + call.call().function())
			.lowCardinalityKeyValue(FUNCTION, call.call().function())
			.lowCardinalityKeyValue(STATUS, "UNKNOWN")
			.highCardinalityKeyValue("dispatch.id", call.id())
			.highCardinalityKeyValue("dispatch.root_id", call.call().rootId())
			.highCardinalityKeyValue("dispatch.attempt", Integer.toString(call.attempt() + 1))
			.start();
		return new Running(observation, observation.openScope(), Map.of());
	}

	@Override
	public Observed request(String function, URI uri) {
		SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.CLIENT);
		context.setCarrier(new LinkedHashMap<>());
		context.setRemoteServiceAddress(uri.getScheme() + "://" + uri.getAuthority());
		Observation observation = Observation.createNotStarted(REQUEST, () -> context, this.registry)
			.contextualName("request " + function)
			.lowCardinalityKeyValue(FUNCTION, function)
			.lowCardinalityKeyValue(STATUS, "UNKNOWN")
			.highCardinalityKeyValue("dispatch.endpoint", uri.toString())
			.start();
		return new Running(observation, null, context.getCarrier());
	}

	/** A started observation, with the scope it opened and the fields it propagated. */
	private record Running(Observation observation, Observation.@Nullable Scope scope,
			Map<String, String> carrier) implements Observed {

		@Override
		public Map<String, String> propagated() {
			return Collections.unmodifiableMap(this.carrier);
		}

		@Override
		public void outcome(DispatchStatus status) {
			this.observation.lowCardinalityKeyValue(STATUS, status.name());
		}

		@Override
		public void failed(Throwable error) {
			this.observation.error(error);
		}

		@Override
		public void close() {
			if (this.scope != null) {
				this.scope.close();
			}
			this.observation.stop();
		}

	}

}
