package io.github.dispatchspring.observability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run of a call continues the trace of the code that dispatched it, through a gather's children,
 * with Micrometer's test tracer propagating W3C {@code traceparent}; while a function runs, the logging
 * MDC holds its call's ids. The subclasses run the calls in-process and through the webhook.
 */
abstract class CallTraceTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	DispatchClient client;

	@Autowired
	ObservationRegistry observations;

	@Autowired
	SimpleTracer tracer;

	@Autowired
	Functions functions;

	@Autowired
	CallStore store;

	@Test
	void runsTheChildrenOfAGatherInTheTraceOfTheCodeThatDispatchedTheParent() {
		Traced dispatched = dispatchInAJob("traced");

		assertThat(this.client.await(dispatched.id(), String.class, TIMEOUT)).isEqualTo("3 children");
		assertThat(this.functions.runs("traced")).isNotEmpty()
			.allSatisfy((run) -> assertThat(run.traceId()).isEqualTo(dispatched.traceId()));
		assertThat(this.functions.runs("traced-")).hasSize(3)
			.allSatisfy((run) -> assertThat(run.traceId()).isEqualTo(dispatched.traceId()));
		assertThat(this.store.children(dispatched.id().value())).hasSize(3)
			.allSatisfy((child) -> assertThat(child.traceContext())
				.startsWith("traceparent: 00-" + dispatched.traceId() + "-"));
	}

	@Test
	void observesEachAttemptAsASpanOfTheDispatchersTrace() {
		Traced dispatched = dispatchInAJob("spans");
		this.client.await(dispatched.id(), String.class, TIMEOUT);

		List<SimpleSpan> runs = spans("run child").stream()
			.filter((span) -> span.getTags().get("dispatch.root_id").equals(dispatched.id().value()))
			.toList();
		assertThat(runs).hasSize(3).allSatisfy((span) -> {
			assertThat(span.getTraceId()).isEqualTo(dispatched.traceId());
			assertThat(span.getKind()).isEqualTo(Span.Kind.CONSUMER);
			assertThat(span.getTags()).containsEntry("dispatch.status", "OK");
		});
		assertThat(spans("dispatch parent")).anySatisfy(
				(span) -> assertThat(span.getTraceId()).isEqualTo(dispatched.traceId()));
	}

	@Test
	void putsTheIdsOfTheCallInTheLoggingContextWhileItsFunctionRuns() {
		DispatchId id = this.client.dispatch("parent", "logged");
		this.client.await(id, String.class, TIMEOUT);

		assertThat(this.functions.runs("logged")).isNotEmpty().allSatisfy((run) -> {
			assertThat(run.mdc()).containsEntry("dispatch.id", id.value())
				.containsEntry("dispatch.root_id", id.value())
				.containsEntry("dispatch.function", "parent");
		});
		assertThat(this.functions.runs("logged-")).hasSize(3).allSatisfy((run) -> {
			assertThat(run.mdc()).containsEntry("dispatch.id", run.call().id().value())
				.containsEntry("dispatch.root_id", id.value())
				.containsEntry("dispatch.function", "child");
			assertThat(run.call().id()).isNotEqualTo(id);
		});
	}

	Traced dispatchInAJob(String input) {
		Observation job = Observation.start("job", this.observations);
		try (Observation.Scope scope = job.openScope()) {
			return new Traced(this.client.dispatch("parent", input), this.tracer.currentSpan().context().traceId());
		}
		finally {
			job.stop();
		}
	}

	private List<SimpleSpan> spans(String name) {
		return this.tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).toList();
	}

	/** A call dispatched in a job, and the trace of the job. */
	record Traced(DispatchId id, String traceId) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class TracedApplication {

		@Bean
		SimpleTracer tracer() {
			return new SimpleTracer();
		}

		@Bean
		Propagator propagator(SimpleTracer tracer) {
			return new W3cTestPropagator(tracer);
		}

		@Bean
		ReceivedTraceparents receivedTraceparents() {
			return new ReceivedTraceparents();
		}

		@Bean
		FilterRegistrationBean<ReceivedTraceparents> receivedTraceparentsFilter(ReceivedTraceparents received) {
			return new FilterRegistrationBean<>(received);
		}

	}

	/** Keeps the {@code traceparent} header of every request to the webhook. */
	static class ReceivedTraceparents extends OncePerRequestFilter {

		final List<String> values = new CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getRequestURI().endsWith(FunctionWebhookController.PATH)) {
				String traceparent = request.getHeader(W3cTestPropagator.TRACEPARENT);
				this.values.add((traceparent != null) ? traceparent : "none");
			}
			chain.doFilter(request, response);
		}

	}

	static class Functions {

		private final List<Run> runs = new CopyOnWriteArrayList<>();

		private final DispatchClient client;

		private final SimpleTracer tracer;

		Functions(DispatchClient client, SimpleTracer tracer) {
			this.client = client;
			this.tracer = tracer;
		}

		/** The runs of the functions whose input starts with the given text. */
		List<Run> runs(String input) {
			return this.runs.stream()
				.filter((run) -> input.endsWith("-") ? run.input().startsWith(input) : run.input().equals(input))
				.toList();
		}

		private void record(String input) {
			Span span = this.tracer.currentSpan();
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			this.runs.add(new Run(input, (span != null) ? span.context().traceId() : null,
					(mdc != null) ? mdc : Map.of(), this.client.currentCall()));
		}

		@DispatchFunction
		public String parent(String input) {
			record(input);
			List<String> children = this.client.gather("child", List.of(input + "-1", input + "-2", input + "-3"),
					String.class);
			return children.size() + " children";
		}

		@DispatchFunction
		public String child(String input) {
			record(input);
			return input;
		}

	}

	/** What a function saw as it ran. */
	record Run(String input, @Nullable String traceId, Map<String, String> mdc, DispatchCall call) {
	}

}
