package io.github.dispatchspring.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.SchedulerEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The scheduler's events as Micrometer meters, tagged with the function, the status and the store:
 * calls accepted, attempted, retried and ended, the time they waited for their first attempt, ran and
 * took from acceptance to their outcome, and the store's group commits.
 */
public final class SchedulerMetrics implements SchedulerEvents {

	private static final String FUNCTION = "function";

	private static final String STATUS = "status";

	private static final String STORE = "store";

	private final Meter.MeterProvider<Counter> accepted;

	private final Meter.MeterProvider<Counter> attempts;

	private final Meter.MeterProvider<Counter> retries;

	private final Meter.MeterProvider<Counter> ended;

	private final Meter.MeterProvider<Timer> queued;

	private final Meter.MeterProvider<Timer> run;

	private final Meter.MeterProvider<Timer> duration;

	private final Timer commits;

	private final DistributionSummary commitSize;

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 * @param store the name of the store, the value of the {@code store} tag
	 */
	public SchedulerMetrics(MeterRegistry registry, String store) {
		this.accepted = counter(registry, store, "dispatch.calls.accepted",
				"Calls written to the store, dispatched or asked for by a function");
		this.attempts = counter(registry, store, "dispatch.calls.attempts",
				"Attempts of calls run, in-process or over HTTP");
		this.retries = counter(registry, store, "dispatch.calls.retries",
				"Failed attempts followed by another after a backoff");
		this.ended = counter(registry, store, "dispatch.calls.ended",
				"Calls whose result was recorded, by the status they ended with");
		this.queued = timer(registry, store, "dispatch.calls.queued",
				"Time from a call's acceptance to the start of its first attempt");
		this.run = timer(registry, store, "dispatch.calls.run", "Time one attempt of a call ran");
		this.duration = timer(registry, store, "dispatch.calls.duration",
				"Time from a call's acceptance to its outcome");
		this.commits = Timer.builder("dispatch.store.commits")
			.description("Time of one group commit of transitions to the store")
			.tag(STORE, store)
			.register(registry);
		this.commitSize = DistributionSummary.builder("dispatch.store.commit.size")
			.description("Transitions recorded by one group commit")
			.baseUnit("transitions")
			.tag(STORE, store)
			.register(registry);
	}

	private static Meter.MeterProvider<Counter> counter(MeterRegistry registry, String store, String name,
			String description) {
		return Counter.builder(name).description(description).tag(STORE, store).withRegistry(registry);
	}

	private static Meter.MeterProvider<Timer> timer(MeterRegistry registry, String store, String name,
			String description) {
		return Timer.builder(name).description(description).tag(STORE, store).withRegistry(registry);
	}

	@Override
	public void accepted(List<NewCall> calls) {
		Map<String, Long> byFunction = calls.stream()
			.collect(Collectors.groupingBy(NewCall::function, Collectors.counting()));
		byFunction.forEach((function, count) -> this.accepted.withTags(FUNCTION, function).increment(count));
	}

	@Override
	public void attempted(ClaimedCall call, Instant startedAt, Duration took, DispatchStatus status) {
		String function = call.call().function();
		this.attempts.withTags(FUNCTION, function).increment();
		this.run.withTags(FUNCTION, function, STATUS, status.name()).record(took);
		if (call.attempt() == 0 && call.state() == null) {
			this.queued.withTags(FUNCTION, function).record(nonNegative(call.call().createdAt(), startedAt));
		}
	}

	@Override
	public void retried(ClaimedCall call, DispatchStatus status) {
		this.retries.withTags(FUNCTION, call.call().function(), STATUS, status.name()).increment();
	}

	@Override
	public void ended(ClaimedCall call, DispatchStatus status, Instant endedAt) {
		String function = call.call().function();
		this.ended.withTags(FUNCTION, function, STATUS, status.name()).increment();
		this.duration.withTags(FUNCTION, function, STATUS, status.name())
			.record(nonNegative(call.call().createdAt(), endedAt));
	}

	@Override
	public void committed(int transitions, Duration took) {
		this.commits.record(took);
		this.commitSize.record(transitions);
	}

	private static Duration nonNegative(Instant from, Instant to) {
		return from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO;
	}

}
