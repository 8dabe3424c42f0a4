package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchStatus;

/**
 * An operator's actions on the heap store's calls: cancelling a call and its descendants, running a
 * failed call again, and ending the cancelled running calls when their attempts return. A running
 * call is only marked: its transitions are refused and the lease that ran it ends it as cancelled.
 * Read and written under the store's lock.
 */
final class HeapInterventions {

	private final Map<String, HeapCall> calls;

	private final HeapAgenda agenda;

	private final HeapTransitions transitions;

	private final HeapInboxes inboxes;

	private final HeapHistory history;

	private final Clock clock;

	HeapInterventions(Map<String, HeapCall> calls, HeapAgenda agenda, HeapTransitions transitions,
			HeapInboxes inboxes, HeapHistory history, Clock clock) {
		this.calls = calls;
		this.agenda = agenda;
		this.transitions = transitions;
		this.inboxes = inboxes;
		this.history = history;
		this.clock = clock;
	}

	/** Cancels a call and its descendants, as {@link CallControl#cancel}. */
	Intervention cancel(String id) {
		HeapCall target = this.calls.get(id);
		if (target == null) {
			return Intervention.unknown(id);
		}
		if (target.phase == HeapCall.Phase.DONE) {
			return Intervention.refused(CallControl.ENDED);
		}
		if (target.phase == HeapCall.Phase.RUNNING && target.cancelledAt != null) {
			return Intervention.refused(CallControl.CANCELLING);
		}
		List<HeapCall> tree = new ArrayList<>(List.of(target));
		for (int i = 0; i < tree.size(); i++) {
			String parentId = tree.get(i).call.id();
			this.calls.values().stream().filter((entry) -> parentId.equals(entry.call.parentId())).forEach(tree::add);
		}
		int ended = 0;
		int stopping = 0;
		for (HeapCall entry : tree) {
			if (entry.phase == HeapCall.Phase.RUNNING && entry.cancelledAt == null) {
				this.history.cancelRequested(entry);
				stopping++;
			}
			else if (entry.phase == HeapCall.Phase.PENDING || entry.phase == HeapCall.Phase.SUSPENDED) {
				end(entry, CallControl.cancelMessage(entry.call.id(), id));
				ended++;
			}
		}
		return Intervention.applied(ended, stopping);
	}

	/** Ends a call cancelled while it ran, whose attempt returned while its lease was still held. */
	void endCancelled(ClaimedCall call) {
		HeapCall entry = this.calls.get(call.id());
		if (entry != null && entry.phase == HeapCall.Phase.RUNNING && entry.cancelledAt != null
				&& call.leaseToken().equals(entry.leaseToken)) {
			end(entry, CallControl.CANCELLED_WHILE_RUNNING);
		}
	}

	private void end(HeapCall entry, String message) {
		this.transitions.end(entry, CallControl.cancelledResult(entry.call.id(), entry.call.correlationId(), message),
				DispatchStatus.PERMANENT_ERROR);
		this.history.cancelled(entry, message);
	}

	/** Makes a failed call due again from its first attempt, as {@link CallControl#runAgain}. */
	Intervention runAgain(String id) {
		HeapCall entry = this.calls.get(id);
		if (entry == null) {
			return Intervention.unknown(id);
		}
		if (entry.phase != HeapCall.Phase.DONE || entry.result == null || !entry.result.hasError()) {
			return Intervention.refused(CallControl.NOT_FAILED);
		}
		HeapCall parent = this.inboxes.waitingParent(entry);
		if (parent != null) {
			return Intervention.refused(CallControl.parentWaiting(parent.call.id()));
		}
		this.history.ranAgain(entry, entry.result);
		entry.phase = HeapCall.Phase.PENDING;
		entry.result = null;
		entry.status = null;
		entry.endedAt = null;
		entry.cancelledAt = null;
		entry.attempt = 0;
		this.agenda.schedule(entry, this.clock.instant());
		return Intervention.applied(0, 0);
	}

}
