package io.github.dispatchspring.scheduler;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * Reads the heap store's calls by id or parent: their results, where they stand, whether they were
 * cancelled while they ran, the calls they made, and how many are in each phase. Read under the
 * store's lock.
 */
final class HeapLookups {

	private final Map<String, HeapCall> calls;

	HeapLookups(Map<String, HeapCall> calls) {
		this.calls = calls;
	}

	/** The results of the given calls that ended, by id, as {@link CallStore#results}. */
	Map<String, CallResult> results(Collection<String> ids) {
		Map<String, CallResult> results = new HashMap<>();
		for (String id : ids) {
			HeapCall entry = this.calls.get(id);
			if (entry != null && entry.result != null) {
				results.put(id, entry.result);
			}
		}
		return results;
	}

	/** Where a call stands, as {@link CallStatuses#status}. */
	@Nullable CallStatus status(String id) {
		HeapCall entry = this.calls.get(id);
		if (entry == null) {
			return null;
		}
		CallStatus.State state = CallStatus.State.valueOf(entry.phase.name());
		int attempts = entry.attempt + ((state == CallStatus.State.PENDING) ? 0 : 1);
		return new CallStatus(new DispatchId(id), entry.call.function(), state, attempts, entry.lastErrorType,
				entry.lastErrorMessage, entry.call.createdAt(), entry.endedAt, entry.lastStatus);
	}

	/** How the given calls that ended ended, by id, as {@link CallStatuses#outcomes}. */
	Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		Map<String, DispatchStatus> outcomes = new HashMap<>();
		for (String id : ids) {
			HeapCall entry = this.calls.get(id);
			if (entry != null && entry.phase == HeapCall.Phase.DONE && entry.lastStatus != null) {
				outcomes.put(id, entry.lastStatus);
			}
		}
		return outcomes;
	}

	/** The ids of the leased calls that were cancelled while they ran, as {@link CallStore#cancelled}. */
	Set<String> cancelled(Collection<ClaimedCall> leased) {
		Set<String> cancelled = new HashSet<>();
		for (ClaimedCall call : leased) {
			HeapCall entry = this.calls.get(call.id());
			if (entry != null && entry.phase == HeapCall.Phase.RUNNING && entry.cancelledAt != null) {
				cancelled.add(call.id());
			}
		}
		return cancelled;
	}

	/** The calls a call made. */
	List<NewCall> children(String parentId) {
		return this.calls.values()
			.stream()
			.map((entry) -> entry.call)
			.filter((call) -> parentId.equals(call.parentId()))
			.toList();
	}

	/** How many calls are in each phase. */
	StoreStatistics.Counts counts() {
		return new StoreStatistics.Counts(count(HeapCall.Phase.PENDING), count(HeapCall.Phase.RUNNING),
				count(HeapCall.Phase.SUSPENDED), count(HeapCall.Phase.DONE));
	}

	/** How many calls are in a phase. */
	long count(HeapCall.Phase phase) {
		return this.calls.values().stream().filter((entry) -> entry.phase == phase).count();
	}

}
