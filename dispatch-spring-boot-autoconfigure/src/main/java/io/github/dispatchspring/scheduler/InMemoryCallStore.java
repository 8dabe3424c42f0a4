package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallStore} in the heap: fast and lost on exit, for tests and throwaway runs. It answers
 * {@link CallQueries} by going through all its calls.
 * <p>
 * Every method holds the store's lock while it runs, and the parts it calls on (the agenda of due
 * calls, the leases, the transitions, the inboxes, the interventions, the lookups and the queries)
 * share the store's calls and are used under that lock only.
 */
public final class InMemoryCallStore implements CallStore, StoreStatistics, CallQueries, CallControl, CallStatuses,
		IdempotentCalls {

	private final Map<String, HeapCall> calls = new HashMap<>();

	private final HeapAgenda agenda = new HeapAgenda(this.calls);

	private final HeapLeases leases;

	private final HeapTransitions transitions;

	private final HeapIdempotentInserts idempotentInserts;

	private final HeapPurge purge;

	private final HeapInterventions interventions;

	private final HeapLookups lookups = new HeapLookups(this.calls);

	private final InMemoryCallQueries queries;

	/**
	 * Creates a store that leases due calls in the order they became due, without limits.
	 * @param clock the clock
	 */
	public InMemoryCallStore(Clock clock) {
		this(clock, FlowControl.none());
	}

	/**
	 * Creates a store that holds back calls beyond the limits of their functions and leases calls of
	 * higher priority first.
	 * @param clock the clock
	 * @param flow the order of claims and the limits of functions
	 */
	public InMemoryCallStore(Clock clock, FlowControl flow) {
		HeapInboxes inboxes = new HeapInboxes(this.calls, this.agenda, clock);
		HeapHistory history = new HeapHistory(clock);
		this.leases = new HeapLeases(this.calls, this.agenda, inboxes, flow, clock);
		this.transitions = new HeapTransitions(this.calls, this.agenda, this.leases, inboxes, history, clock);
		this.idempotentInserts = new HeapIdempotentInserts(this.calls, this.transitions);
		this.purge = new HeapPurge(this.calls, this.idempotentInserts);
		this.interventions = new HeapInterventions(this.calls, this.agenda, this.transitions, inboxes, history,
				clock);
		this.queries = new InMemoryCallQueries(this.calls, clock);
	}

	@Override
	public synchronized void add(List<NewCall> newCalls) {
		this.transitions.insert(newCalls);
	}

	@Override
	public synchronized String addOnce(NewCall call, String idempotencyKey) {
		return this.idempotentInserts.insertOnce(call, idempotencyKey);
	}

	@Override
	public synchronized List<ClaimedCall> claim(int limit, Duration lease) {
		return this.leases.claim(limit, lease);
	}

	/**
	 * When the next call is due: the earliest time a pending call is due, a retry's backoff ends, a
	 * suspended call's wait ends or a lease expires.
	 * @return the time, or {@code null} when no call will be due without something else happening
	 */
	public synchronized @Nullable Instant nextDue() {
		return this.agenda.nextDue();
	}

	@Override
	public synchronized void renew(Collection<ClaimedCall> calls, Duration lease) {
		this.leases.renew(calls, lease);
	}

	@Override
	public synchronized Set<String> cancelled(Collection<ClaimedCall> calls) {
		return this.lookups.cancelled(calls);
	}

	@Override
	public synchronized void release(Collection<ClaimedCall> calls) {
		this.leases.release(calls);
	}

	@Override
	public synchronized Recorded record(List<Transition> transitions, int claimLimit, Duration lease) {
		List<Boolean> held = new ArrayList<>(transitions.size());
		for (Transition transition : transitions) {
			boolean applied = this.transitions.apply(transition);
			if (!applied) {
				this.interventions.endCancelled(transition.call());
			}
			held.add(applied);
		}
		return new Recorded(held, (claimLimit > 0) ? this.leases.claim(claimLimit, lease) : List.of());
	}

	@Override
	public synchronized CallPage calls(CallFilter filter, int limit) {
		return this.queries.calls(filter, limit);
	}

	@Override
	public synchronized @Nullable CallSummary summary(String id) {
		return this.queries.summary(id);
	}

	@Override
	public synchronized @Nullable CallDetails call(String id) {
		return this.queries.call(id);
	}

	@Override
	public synchronized CallOverview overview(Instant since) {
		return this.queries.overview(since);
	}

	@Override
	public synchronized Intervention cancel(String id) {
		return this.interventions.cancel(id);
	}

	@Override
	public synchronized Intervention runAgain(String id) {
		return this.interventions.runAgain(id);
	}

	@Override
	public synchronized Map<String, CallResult> results(Collection<String> ids) {
		return this.lookups.results(ids);
	}

	@Override
	public synchronized @Nullable CallStatus status(String id) {
		return this.lookups.status(id);
	}

	@Override
	public synchronized Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		return this.lookups.outcomes(ids);
	}

	@Override
	public synchronized int purge(Instant endedBefore, int limit) {
		return this.purge.purge(endedBefore, limit);
	}

	@Override
	public synchronized boolean exists(String id) {
		return this.calls.containsKey(id);
	}

	@Override
	public synchronized List<NewCall> children(String parentId) {
		return this.lookups.children(parentId);
	}

	@Override
	public synchronized Backlog backlog(Instant now) {
		return this.agenda.backlog(now, this.lookups.count(HeapCall.Phase.RUNNING));
	}

	@Override
	public synchronized Counts counts() {
		return this.lookups.counts();
	}

}
