package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * The inboxes of the heap store's suspended calls: the results of the calls they made, delivered as
 * those end and kept until the parent was resumed with them. A suspended call is due once its inbox
 * holds as many results as it waits for, or when its wait ends. Read and written under the store's
 * lock.
 */
final class HeapInboxes {

	private final Map<String, HeapCall> calls;

	private final HeapAgenda agenda;

	private final Clock clock;

	HeapInboxes(Map<String, HeapCall> calls, HeapAgenda agenda, Clock clock) {
		this.calls = calls;
		this.agenda = agenda;
		this.clock = clock;
	}

	/** The results a leased call resumes with: as many of its inbox as it takes, none when it starts. */
	List<CallResult> resumeWith(HeapCall entry) {
		return (entry.state != null) ? entry.inbox.values().stream().limit(entry.maxResults).toList() : List.of();
	}

	/**
	 * Makes a suspended call wait for results, without those it resumed with, and due once its inbox
	 * holds enough of them or its wait ends.
	 * @param entry the suspended call
	 * @param resumedWith the results it resumed with in the attempt that suspended it
	 * @param minResults how many results it waits for
	 * @param maxResults the most results it resumes with
	 * @param deadline when its wait ends, or {@code null} if it waits for its results only
	 */
	void await(HeapCall entry, List<CallResult> resumedWith, int minResults, int maxResults,
			@Nullable Instant deadline) {
		resumedWith.forEach((result) -> entry.inbox.remove(result.getDispatchId()));
		entry.minResults = minResults;
		entry.maxResults = maxResults;
		if (entry.inbox.size() >= minResults) {
			this.agenda.schedule(entry, this.clock.instant());
		}
		else if (deadline != null) {
			this.agenda.schedule(entry, deadline);
		}
	}

	/** Delivers the result of an ended call to its parent's inbox if the parent waits for it. */
	void deliver(HeapCall child, CallResult result) {
		HeapCall parent = waitingParent(child);
		if (parent != null) {
			parent.inbox.putIfAbsent(child.call.id(), result);
			if (parent.phase == HeapCall.Phase.SUSPENDED && parent.inbox.size() >= parent.minResults) {
				this.agenda.schedule(parent, this.clock.instant());
			}
		}
	}

	/** The parent of a call if the parent has not ended and takes the call's result in its inbox. */
	@Nullable HeapCall waitingParent(HeapCall child) {
		HeapCall parent = (child.call.deliverToParent() && child.call.parentId() != null)
				? this.calls.get(child.call.parentId()) : null;
		return (parent != null && parent.phase != HeapCall.Phase.DONE) ? parent : null;
	}

}
