package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Submits calls to the embedded scheduler's store and waits for their results there. Calls submitted
 * by a function get ids derived from it, so that a retried run submitting them again adds nothing.
 */
public final class EmbeddedCallSubmitter implements CallSubmitter {

	private final CallStore store;

	private final EmbeddedScheduler scheduler;

	private final ResultWaiter waiter;

	private final Clock clock;

	private final FunctionPolicies policies;

	private final SchedulerEvents events;

	private final CallTracing tracing;

	public EmbeddedCallSubmitter(CallStore store, EmbeddedScheduler scheduler, ResultWaiter waiter, Clock clock,
			FunctionPolicies policies) {
		this(store, scheduler, waiter, clock, policies, SchedulerEvents.NONE, CallTracing.NONE);
	}

	/**
	 * Creates the submitter, telling of the calls it accepts and observing each dispatch.
	 * @param store the store
	 * @param scheduler the scheduler to wake up
	 * @param waiter hears of the calls that end
	 * @param clock the clock
	 * @param policies the policies of the functions, whose expiration applies to the calls that set
	 * none
	 * @param events what hears of the calls accepted
	 * @param tracing observes each dispatch, whose trace the calls keep
	 */
	public EmbeddedCallSubmitter(CallStore store, EmbeddedScheduler scheduler, ResultWaiter waiter, Clock clock,
			FunctionPolicies policies, SchedulerEvents events, CallTracing tracing) {
		this.store = store;
		this.scheduler = scheduler;
		this.waiter = waiter;
		this.clock = clock;
		this.policies = policies;
		this.events = events;
		this.tracing = tracing;
	}

	@Override
	public List<DispatchId> submit(List<Call> calls, @Nullable CallOrigin origin) {
		try (CallTracing.Observed dispatch = this.tracing.dispatch(calls.stream().map(Call::getFunction).toList())) {
			return dispatch.around(() -> submit(calls, origin, TraceHeaders.encode(dispatch.propagated())));
		}
	}

	private List<DispatchId> submit(List<Call> calls, @Nullable CallOrigin origin, @Nullable String traceContext) {
		Instant now = this.clock.instant();
		List<NewCall> accepted = new ArrayList<>(calls.size());
		List<DispatchId> ids = new ArrayList<>(calls.size());
		for (Call call : calls) {
			NewCall added = newCall(call, origin, now, traceContext);
			accepted.add(added);
			ids.add(new DispatchId(added.id()));
		}
		accept(accepted, () -> {
			this.store.add(accepted);
			return null;
		});
		return ids;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The store's unique index on the key makes the dispatch happen once across the instances sharing it.
	 */
	@Override
	public DispatchId submitOnce(Call call, String idempotencyKey) {
		if (!(this.store instanceof IdempotentCalls calls)) {
			throw new UnsupportedOperationException("The Dispatch call store " + this.store.getClass().getSimpleName()
					+ " does not keep idempotency keys");
		}
		try (CallTracing.Observed dispatch = this.tracing.dispatch(List.of(call.getFunction()))) {
			NewCall added = newCall(call, null, this.clock.instant(), TraceHeaders.encode(dispatch.propagated()));
			return new DispatchId(dispatch.around(() -> accept(List.of(added), () -> calls.addOnce(added, idempotencyKey))));
		}
	}

	private NewCall newCall(Call call, @Nullable CallOrigin origin, Instant now, @Nullable String traceContext) {
		String id = (origin != null) ? DispatchIds.derived(origin.dispatchId(), call) : DispatchIds.next();
		String root = (origin != null) ? origin.rootDispatchId() : id;
		return new NewCall(id, call.getFunction(), call.getEndpoint(), call.getInput(),
				(origin != null) ? origin.dispatchId() : null, root, call.getCorrelationId(), false, now,
				expiration(call, now), traceContext);
	}

	private <T> T accept(List<NewCall> accepted, Supplier<T> write) {
		T written;
		try {
			written = write.get();
		}
		catch (DataAccessException | TransactionException ex) {
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "The Dispatch call store is unavailable: "
					+ accepted.size() + " calls were not accepted; try again (" + ex.getMostSpecificCause().getMessage() + ")", ex);
		}
		this.events.accepted(accepted);
		this.scheduler.wakeUp();
		return written;
	}

	private @Nullable Instant expiration(Call call, Instant now) {
		if (call.hasExpiration()) {
			return now.plusSeconds(call.getExpiration().getSeconds()).plusNanos(call.getExpiration().getNanos());
		}
		Duration expiration = this.policies.of(call.getFunction()).expiration();
		return (expiration != null) ? now.plus(expiration) : null;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * An id the store does not hold fails at once with {@code NOT_FOUND}, unless the store cannot be
	 * read, when the wait goes on as for any call.
	 */
	@Override
	public List<CallResult> await(List<DispatchId> ids, Duration timeout) {
		List<String> awaited = ids.stream().map(DispatchId::value).toList();
		failOnUnknown(awaited);
		return this.waiter.await(awaited, timeout);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * No thread waits: the results complete the future as their calls end.
	 */
	@Override
	public CompletableFuture<List<CallResult>> awaitAsync(List<DispatchId> ids, Duration timeout) {
		List<String> awaited = ids.stream().map(DispatchId::value).toList();
		try {
			failOnUnknown(awaited);
		}
		catch (DispatchException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.waiter.awaitAsync(awaited, timeout);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The threads of this application running calls of the tree are interrupted at once; other
	 * instances sharing the store interrupt theirs within a second.
	 */
	@Override
	public Cancellation cancel(DispatchId id) {
		if (!(this.store instanceof CallControl control)) {
			throw new UnsupportedOperationException("The Dispatch call store " + this.store.getClass().getSimpleName()
					+ " does not cancel calls: it does not implement CallControl");
		}
		Intervention done;
		try {
			done = control.cancel(id.value());
		}
		catch (DataAccessException | TransactionException ex) {
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "The Dispatch call store is unavailable: call "
					+ id + " was not cancelled; try again (" + ex.getMostSpecificCause().getMessage() + ")", ex);
		}
		return switch (done.outcome()) {
			case UNKNOWN_CALL -> throw notFound(id.value());
			case REFUSED -> CallControl.ENDED.equals(done.reason()) ? Cancellation.ENDED : stopping();
			case APPLIED -> applied(id, done);
		};
	}

	private Cancellation applied(DispatchId id, Intervention done) {
		this.scheduler.wakeUp();
		if (done.stopping() == 0) {
			return Cancellation.CANCELLED;
		}
		boolean ended = status(id).state() == CallStatus.State.DONE;
		this.scheduler.interruptCancelled();
		return ended ? Cancellation.CANCELLED : Cancellation.CANCELLING;
	}

	private Cancellation stopping() {
		this.scheduler.interruptCancelled();
		return Cancellation.CANCELLING;
	}

	@Override
	public CallStatus status(DispatchId id) {
		CallStatus status = (this.store instanceof CallStatuses statuses) ? statuses.status(id.value()) : null;
		if (status == null) {
			throw notFound(id.value());
		}
		return status;
	}

	@Override
	public Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		if (!(this.store instanceof CallStatuses statuses) || ids.isEmpty()) {
			return Map.of();
		}
		try {
			return statuses.outcomes(ids);
		}
		catch (DataAccessException | TransactionException ex) {
			return Map.of();
		}
	}

	private void failOnUnknown(List<String> ids) {
		Set<String> known;
		try {
			known = this.store.existing(ids);
		}
		catch (DataAccessException | TransactionException ex) {
			return;
		}
		for (String id : ids) {
			if (!known.contains(id)) {
				throw notFound(id);
			}
		}
	}

	private static DispatchException notFound(String id) {
		return new DispatchException(DispatchStatus.NOT_FOUND, "No call has the dispatch id '" + id + "': it was never "
				+ "accepted by this scheduler, or it ended longer ago than dispatch.scheduler.retention and was deleted");
	}

}
