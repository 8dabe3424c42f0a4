package io.github.dispatchspring.scheduler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts calls into the heap store once per idempotency key, remembering the call each key added as
 * long as the store keeps the call. Read and written under the store's lock.
 */
final class HeapIdempotentInserts {

	private final Map<String, HeapCall> calls;

	private final HeapTransitions transitions;

	private final Map<String, String> idempotencyKeys = new HashMap<>();

	HeapIdempotentInserts(Map<String, HeapCall> calls, HeapTransitions transitions) {
		this.calls = calls;
		this.transitions = transitions;
	}

	/** Adds a call unless the key added one the store still keeps, as {@link IdempotentCalls#addOnce}. */
	String insertOnce(NewCall call, String idempotencyKey) {
		String earlier = this.idempotencyKeys.get(idempotencyKey);
		if (earlier != null && this.calls.containsKey(earlier)) {
			return earlier;
		}
		this.transitions.insert(List.of(call));
		this.idempotencyKeys.put(idempotencyKey, call.id());
		return call.id();
	}

	/** Forgets the keys of the calls the store no longer keeps. */
	void forgetRemoved() {
		this.idempotencyKeys.values().removeIf((id) -> !this.calls.containsKey(id));
	}

}
