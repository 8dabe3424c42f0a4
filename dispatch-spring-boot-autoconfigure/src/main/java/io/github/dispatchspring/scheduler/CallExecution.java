package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.StatusCodes;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;

/**
 * Runs one attempt of a leased call and records what came of it: the result, a retry after a
 * backoff, a suspension with the poll's calls, or a tail call; or, when the call's endpoint does not
 * take it now, hands it back for later without counting the attempt. A write that fails because the store
 * is away is tried again for a while, and reported to the scheduler's {@link StoreOutage}; after
 * that the call runs again when its lease expires.
 */
public final class CallExecution {

	private final TransitionWriter writer;

	private final CallInvoker invoker;

	private final RunResponseValidator responses;

	private final FunctionPolicies policies;

	private final PolledCalls polls;

	private final Clock clock;

	private final Retry storeWrites = Retry.of("dispatch-store-writes", RetryConfig.custom()
		.maxAttempts(10)
		.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2, 0.5, Duration.ofSeconds(5)))
		.build());

	private final StoreOutage outage;

	private final SchedulerEvents events;

	private final CallTracing tracing;

	/**
	 * Creates the execution.
	 * @param writer records the outcomes
	 * @param invoker runs the calls
	 * @param policies when the failed calls of each function run again, how long a run may take and
	 * when calls expire
	 * @param limits the rules the calls a function asks for are held to
	 * @param outage the store's failures, as the scheduler sees them
	 * @param clock the clock
	 */
	public CallExecution(TransitionWriter writer, CallInvoker invoker, FunctionPolicies policies,
			DispatchRequestLimits limits, StoreOutage outage, Clock clock) {
		this(writer, invoker, policies, limits, outage, clock, SchedulerEvents.NONE, CallTracing.NONE);
	}

	/**
	 * Creates the execution, telling of its attempts and outcomes and carrying the trace of each call.
	 * @param writer records the outcomes
	 * @param invoker runs the calls
	 * @param policies when the failed calls of each function run again, how long a run may take and
	 * when calls expire
	 * @param limits the rules the calls a function asks for are held to
	 * @param outage the store's failures, as the scheduler sees them
	 * @param clock the clock
	 * @param events what hears of attempts, retries, ends and the calls functions ask for
	 * @param tracing observes each attempt in the trace of its call
	 */
	public CallExecution(TransitionWriter writer, CallInvoker invoker, FunctionPolicies policies,
			DispatchRequestLimits limits, StoreOutage outage, Clock clock, SchedulerEvents events,
			CallTracing tracing) {
		this.writer = writer;
		this.invoker = invoker;
		this.responses = new RunResponseValidator(limits);
		this.policies = policies;
		this.polls = new PolledCalls(policies);
		this.outage = outage;
		this.clock = clock;
		this.events = events;
		this.tracing = tracing;
		this.storeWrites.getEventPublisher().onRetry((event) -> this.outage.failed(event.getLastThrowable()));
	}

	private boolean write(Transition transition, TransitionWriter.Handoff handoff) {
		boolean written = this.storeWrites.executeSupplier(() -> this.writer.write(transition, handoff));
		this.outage.succeeded();
		return written;
	}

	/**
	 * Runs the call and records the outcome.
	 * @param claimed the leased call
	 * @param handoff where the calls leased along with the outcome's write go
	 * @return the result if the call ended, otherwise {@code null}
	 */
	@Nullable CallResult execute(ClaimedCall claimed, TransitionWriter.Handoff handoff) {
		return execute(claimed, handoff, null);
	}

	/**
	 * Runs the call and records the outcome, its thread interrupted if the call is cancelled while
	 * it runs; a call cancelled before it began does not run, and its outcome is the cancellation.
	 * @param claimed the leased call
	 * @param handoff where the calls leased along with the outcome's write go
	 * @param interrupts the threads of the calls cancelled, or {@code null} for none
	 * @return the result if the call ended, otherwise {@code null}
	 */
	@Nullable CallResult execute(ClaimedCall claimed, TransitionWriter.Handoff handoff,
			@Nullable CallInterrupts interrupts) {
		NewCall call = claimed.call();
		if (claimed.expired(this.clock.instant())) {
			return complete(claimed, DispatchStatus.TIMEOUT, failure("Expired", "the call expired at " + call.expiresAt()),
					handoff);
		}
		if (interrupts != null && !interrupts.begin(claimed)) {
			return complete(claimed, DispatchStatus.PERMANENT_ERROR,
					failure(CallControl.CANCELLED, CallControl.CANCELLED_WHILE_RUNNING), handoff);
		}
		try (CallTracing.Observed run = this.tracing.run(claimed)) {
			return run.around(() -> attempt(claimed, run, handoff, interrupts));
		}
	}

	private @Nullable CallResult attempt(ClaimedCall claimed, CallTracing.Observed run,
			TransitionWriter.Handoff handoff, @Nullable CallInterrupts interrupts) {
		FunctionPolicy policy = this.policies.of(claimed.call().function());
		Instant startedAt = this.clock.instant();
		long start = System.nanoTime();
		RunResponse response;
		try {
			response = this.invoker.invoke(claimed.call().endpoint(), RunRequests.of(claimed), claimed.attempt() + 1,
					policy.timeout());
		}
		catch (CallDeferredException ex) {
			write(new Transition.Defer(claimed, ex.dueAt()), handoff);
			return null;
		}
		finally {
			if (interrupts != null) {
				interrupts.invoked(claimed);
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String invalid = this.responses.problem(response);
		DispatchStatus status = (invalid != null) ? DispatchStatus.INVALID_RESPONSE : status(response);
		this.events.attempted(claimed, startedAt, took, status);
		run.outcome(status);
		if (invalid != null) {
			return complete(claimed, status, failure("InvalidResponse", invalid), handoff);
		}
		if (response.hasPoll()) {
			suspend(claimed, response.getPoll(), handoff);
			return null;
		}
		Exit exit = response.getExit();
		if (exit.hasTailCall()) {
			write(new Transition.TailCall(claimed, exit.getTailCall().getFunction(), exit.getTailCall().getInput()), handoff);
			return null;
		}
		CallResult result = exit.getResult();
		if (status != DispatchStatus.OK && !result.hasError()) {
			result = result.toBuilder().mergeFrom(failure(status.name(), "the call ended with status " + status)).build();
		}
		int attempt = claimed.attempt() + 1;
		String errorType = result.hasError() ? result.getError().getType() : null;
		if (policy.retry().retries(status, errorType, attempt)) {
			Instant dueAt = retryAt(this.clock.instant().plus(policy.retry().delayAfter(attempt)),
					claimed.call().expiresAt());
			if (write(new Transition.Retry(claimed, dueAt, status == DispatchStatus.INCOMPATIBLE_STATE, status, result),
					handoff)) {
				this.events.retried(claimed, status);
			}
			return null;
		}
		return complete(claimed, status, result, handoff);
	}

	private static CallResult failure(String type, String message) {
		return CallResult.newBuilder().setError(Error.newBuilder().setType(type).setMessage(message)).build();
	}

	private @Nullable CallResult complete(ClaimedCall claimed, DispatchStatus status, CallResult result,
			TransitionWriter.Handoff handoff) {
		CallResult addressed = result.toBuilder()
			.setDispatchId(claimed.id())
			.setCorrelationId(claimed.call().correlationId())
			.build();
		if (!write(new Transition.Complete(claimed, addressed, status), handoff)) {
			return null;
		}
		this.events.ended(claimed, status, this.clock.instant());
		return addressed;
	}

	static DispatchStatus status(RunResponse response) {
		DispatchStatus status = StatusCodes.of(response.getStatus());
		if (status == DispatchStatus.UNSPECIFIED) {
			return response.getExit().getResult().hasError() ? DispatchStatus.PERMANENT_ERROR : DispatchStatus.OK;
		}
		return status;
	}

	private void suspend(ClaimedCall claimed, Poll poll, TransitionWriter.Handoff handoff) {
		List<String> functions = poll.getCallsList().stream().map(Call::getFunction).toList();
		try (CallTracing.Observed dispatch = functions.isEmpty() ? CallTracing.Observed.NONE
				: this.tracing.dispatch(functions)) {
			Transition.Suspend suspend = this.polls.suspend(claimed, poll, this.clock.instant(),
					TraceHeaders.encode(dispatch.propagated()));
			if (write(suspend, handoff) && !suspend.children().isEmpty()) {
				this.events.accepted(suspend.children());
			}
		}
	}

	/**
	 * When a failed call runs again: after its backoff, or once it has expired if that comes first,
	 * so that it ends with {@code TIMEOUT} when it expires rather than a backoff later.
	 */
	private static Instant retryAt(Instant backedOff, @Nullable Instant expiresAt) {
		Instant due = PolledCalls.dueBy(backedOff, expiresAt);
		return (due != null) ? due : backedOff;
	}

}
