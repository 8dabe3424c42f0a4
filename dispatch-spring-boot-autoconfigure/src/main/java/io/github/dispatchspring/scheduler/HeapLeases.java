package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The leases of the heap store's calls: claims of due calls, in the order they became due or in the
 * steps of the flow control, with the inboxes of suspended ones, and the renewal and release of
 * leases. Read and written under the store's lock.
 */
final class HeapLeases {

	private final Map<String, HeapCall> calls;

	private final HeapAgenda agenda;

	private final HeapInboxes inboxes;

	private final HeapFlowControl flow;

	private final Clock clock;

	HeapLeases(Map<String, HeapCall> calls, HeapAgenda agenda, HeapInboxes inboxes, FlowControl flow, Clock clock) {
		this.calls = calls;
		this.agenda = agenda;
		this.inboxes = inboxes;
		this.flow = new HeapFlowControl(flow, calls.values());
		this.clock = clock;
	}

	/** Leases up to {@code limit} due calls until the lease ends, as {@link CallStore#claim}. */
	List<ClaimedCall> claim(int limit, Duration lease) {
		Instant now = this.clock.instant();
		if (this.flow.active()) {
			return claimInSteps(limit, now, now.plus(lease));
		}
		List<ClaimedCall> claimed = new ArrayList<>();
		while (claimed.size() < limit) {
			HeapCall entry = this.agenda.takeDue(now);
			if (entry == null) {
				break;
			}
			claimed.add(lease(entry, now.plus(lease)));
		}
		return claimed;
	}

	/**
	 * Takes every due call off the agenda, leases those the flow control allows, and puts the others
	 * back, still due.
	 */
	private List<ClaimedCall> claimInSteps(int limit, Instant now, Instant leaseExpiry) {
		List<HeapCall> due = new ArrayList<>();
		for (HeapCall entry = this.agenda.takeDue(now); entry != null; entry = this.agenda.takeDue(now)) {
			due.add(entry);
		}
		List<ClaimedCall> claimed = new ArrayList<>();
		for (HeapCall entry : this.flow.take(due, limit, now)) {
			claimed.add(lease(entry, leaseExpiry));
		}
		this.agenda.putBack(due);
		return claimed;
	}

	private ClaimedCall lease(HeapCall entry, Instant leaseExpiry) {
		entry.phase = HeapCall.Phase.RUNNING;
		entry.leaseToken = UUID.randomUUID().toString();
		this.agenda.schedule(entry, leaseExpiry);
		return new ClaimedCall(entry.call, entry.state, this.inboxes.resumeWith(entry), entry.attempt,
				entry.leaseToken);
	}

	/** Extends the leases still held, as {@link CallStore#renew}. */
	void renew(Collection<ClaimedCall> calls, Duration lease) {
		Instant leaseExpiry = this.clock.instant().plus(lease);
		for (ClaimedCall call : calls) {
			HeapCall entry = leased(call);
			if (entry != null) {
				this.agenda.schedule(entry, leaseExpiry);
			}
		}
	}

	/** Gives up the leases still held, making their calls due now, as {@link CallStore#release}. */
	void release(Collection<ClaimedCall> calls) {
		Instant now = this.clock.instant();
		for (ClaimedCall call : calls) {
			HeapCall entry = leased(call);
			if (entry != null) {
				entry.phase = HeapCall.Phase.PENDING;
				entry.leaseToken = null;
				this.agenda.schedule(entry, now);
			}
		}
	}

	/** The call of a lease still held and not cancelled, or {@code null}. */
	@Nullable HeapCall leased(ClaimedCall call) {
		HeapCall entry = this.calls.get(call.id());
		return (entry != null && entry.phase == HeapCall.Phase.RUNNING && entry.cancelledAt == null
				&& call.leaseToken().equals(entry.leaseToken)) ? entry : null;
	}

}
