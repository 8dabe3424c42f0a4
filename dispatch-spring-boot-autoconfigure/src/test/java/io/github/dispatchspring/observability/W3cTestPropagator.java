package io.github.dispatchspring.observability;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTraceContext;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.jspecify.annotations.Nullable;

/**
 * W3C {@code traceparent} propagation for Micrometer's {@link SimpleTracer}, as the OpenTelemetry and
 * Brave bridges propagate by default.
 */
final class W3cTestPropagator implements Propagator {

	static final String TRACEPARENT = "traceparent";

	private final SimpleTracer tracer;

	W3cTestPropagator(SimpleTracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public List<String> fields() {
		return List.of(TRACEPARENT);
	}

	@Override
	public <C> void inject(TraceContext context, @Nullable C carrier, Setter<C> setter) {
		setter.set(carrier, TRACEPARENT, "00-" + context.traceId() + "-" + context.spanId() + "-01");
	}

	@Override
	public <C> Span.Builder extract(@Nullable C carrier, Getter<C> getter) {
		String traceparent = (carrier != null) ? getter.get(carrier, TRACEPARENT) : null;
		String[] parts = (traceparent != null) ? traceparent.split("-") : new String[0];
		if (parts.length != 4) {
			return this.tracer.spanBuilder();
		}
		SimpleTraceContext parent = new SimpleTraceContext();
		parent.setTraceId(parts[1]);
		parent.setSpanId(parts[2]);
		parent.setSampled(true);
		return this.tracer.spanBuilder().setParent(parent);
	}

}
