package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;

/**
 * Writes the heap store's calls: inserts new ones and applies the transitions of leased ones, each
 * guarded by its lease token, delivering an ended call's result to its parent's inbox and keeping a
 * retried attempt in the call's history. A transition whose lease was lost changes nothing. Read and
 * written under the store's lock.
 */
final class HeapTransitions {

	private static final int MAX_ID_LENGTH = 64;

	private final Map<String, HeapCall> calls;

	private final HeapAgenda agenda;

	private final HeapLeases leases;

	private final HeapInboxes inboxes;

	private final HeapHistory history;

	private final Clock clock;

	HeapTransitions(Map<String, HeapCall> calls, HeapAgenda agenda, HeapLeases leases, HeapInboxes inboxes,
			HeapHistory history, Clock clock) {
		this.calls = calls;
		this.agenda = agenda;
		this.leases = leases;
		this.inboxes = inboxes;
		this.history = history;
		this.clock = clock;
	}

	/** Adds the calls whose ids are new, due when they were made; refuses them all if an id is too long. */
	void insert(List<NewCall> newCalls) {
		for (NewCall call : newCalls) {
			if (call.id().length() > MAX_ID_LENGTH) {
				throw new IllegalArgumentException("The id of a call has at most " + MAX_ID_LENGTH + " characters, not "
						+ call.id().length());
			}
		}
		for (NewCall call : newCalls) {
			if (!this.calls.containsKey(call.id())) {
				HeapCall entry = new HeapCall(call);
				this.calls.put(call.id(), entry);
				this.agenda.schedule(entry, call.createdAt());
			}
		}
	}

	/** Applies a transition if its lease is still held, telling whether it was. */
	boolean apply(Transition transition) {
		HeapCall entry = this.leases.leased(transition.call());
		if (entry == null) {
			return false;
		}
		if (transition instanceof Transition.Complete complete) {
			end(entry, complete.result(), complete.status());
		}
		else if (transition instanceof Transition.Retry retry) {
			retry(entry, retry);
		}
		else if (transition instanceof Transition.Suspend suspend) {
			suspend(entry, suspend);
		}
		else if (transition instanceof Transition.Defer defer) {
			entry.phase = HeapCall.Phase.PENDING;
			entry.leaseToken = null;
			this.agenda.schedule(entry, defer.dueAt());
		}
		else {
			tailCall(entry, (Transition.TailCall) transition);
		}
		return true;
	}

	/** Ends a call with a result, delivered to its parent's inbox if the parent waits for it. */
	void end(HeapCall entry, CallResult result, DispatchStatus status) {
		entry.ended(status, result);
		entry.phase = HeapCall.Phase.DONE;
		entry.result = result;
		entry.status = status;
		entry.endedAt = this.clock.instant();
		entry.state = null;
		entry.inbox.clear();
		entry.leaseToken = null;
		entry.version++;
		this.inboxes.deliver(entry, result);
	}

	private void retry(HeapCall entry, Transition.Retry retry) {
		entry.ended(retry.status(), retry.failure());
		entry.attempt++;
		if (retry.restart()) {
			entry.state = null;
			entry.inbox.clear();
		}
		entry.phase = HeapCall.Phase.PENDING;
		this.agenda.schedule(entry, retry.dueAt());
		this.history.retried(entry, retry);
	}

	private void suspend(HeapCall entry, Transition.Suspend suspend) {
		insert(suspend.children());
		entry.state = suspend.state();
		entry.attempt = 0;
		entry.phase = HeapCall.Phase.SUSPENDED;
		entry.version++;
		this.inboxes.await(entry, suspend.call().results(), suspend.minResults(), suspend.maxResults(),
				suspend.deadline());
	}

	private void tailCall(HeapCall entry, Transition.TailCall tailCall) {
		entry.call = entry.call.continuedAs(tailCall.function(), tailCall.input());
		entry.state = null;
		entry.inbox.clear();
		entry.attempt = 0;
		entry.phase = HeapCall.Phase.PENDING;
		this.agenda.schedule(entry, this.clock.instant());
	}

}
