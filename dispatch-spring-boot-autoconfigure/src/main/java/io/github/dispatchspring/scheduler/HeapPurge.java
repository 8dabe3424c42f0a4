package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Removes the heap store's calls that ended long enough ago, oldest first, keeping those whose parent
 * still runs, and forgets the idempotency keys that added them. Written under the store's lock.
 */
final class HeapPurge {

	private final Map<String, HeapCall> calls;

	private final HeapIdempotentInserts idempotentInserts;

	HeapPurge(Map<String, HeapCall> calls, HeapIdempotentInserts idempotentInserts) {
		this.calls = calls;
		this.idempotentInserts = idempotentInserts;
	}

	/** Removes up to {@code limit} calls that ended before the given time, as {@link CallStore#purge}. */
	int purge(Instant endedBefore, int limit) {
		List<HeapCall> ended = this.calls.values()
			.stream()
			.filter((entry) -> entry.endedAt != null && entry.endedAt.isBefore(endedBefore) && !parentRunning(entry))
			.sorted(Comparator.comparing((HeapCall entry) -> entry.endedAt))
			.limit(limit)
			.toList();
		ended.forEach((entry) -> this.calls.remove(entry.call.id()));
		this.idempotentInserts.forgetRemoved();
		return ended.size();
	}

	private boolean parentRunning(HeapCall entry) {
		HeapCall parent = (entry.call.parentId() != null) ? this.calls.get(entry.call.parentId()) : null;
		return parent != null && parent.phase != HeapCall.Phase.DONE;
	}

}
