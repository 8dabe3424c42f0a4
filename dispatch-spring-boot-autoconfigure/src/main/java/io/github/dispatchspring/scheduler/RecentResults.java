package io.github.dispatchspring.scheduler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dispatchspring.proto.CallResult;

/**
 * The results of ended calls read last, kept in the heap within a budget of bytes, so that a function
 * replaying its earlier gathers on every resume reads them from the store once. Only results without
 * an error are kept: such a result never changes, so a kept result is never stale, while a call that
 * failed may be run again ({@link CallControl#runAgain}) and end with another result.
 */
final class RecentResults {

	private static final int ENTRY_OVERHEAD = 128;

	private final long budget;

	private final LinkedHashMap<String, CallResult> results = new LinkedHashMap<>(16, 0.75f, true);

	private long size;

	/**
	 * Creates an empty cache.
	 * @param budget the most bytes of results to keep
	 */
	RecentResults(long budget) {
		this.budget = budget;
	}

	/**
	 * The kept results of the given calls.
	 * @param ids dispatch ids
	 * @return the results kept, by dispatch id
	 */
	synchronized Map<String, CallResult> find(Collection<String> ids) {
		Map<String, CallResult> found = new HashMap<>();
		for (String id : ids) {
			CallResult result = this.results.get(id);
			if (result != null) {
				found.put(id, result);
			}
		}
		return found;
	}

	/**
	 * Keeps the results without an error, forgetting the least recently read ones beyond the budget.
	 * @param ended results of ended calls by dispatch id
	 */
	synchronized void keep(Map<String, CallResult> ended) {
		ended.forEach((id, result) -> {
			if (result.hasError()) {
				return;
			}
			CallResult previous = this.results.put(id, result);
			this.size += bytes(id, result) - ((previous != null) ? bytes(id, previous) : 0);
		});
		Iterator<Map.Entry<String, CallResult>> eldest = this.results.entrySet().iterator();
		while (this.size > this.budget && eldest.hasNext()) {
			Map.Entry<String, CallResult> entry = eldest.next();
			this.size -= bytes(entry.getKey(), entry.getValue());
			eldest.remove();
		}
	}

	private static long bytes(String id, CallResult result) {
		return ENTRY_OVERHEAD + 2L * id.length() + result.getSerializedSize();
	}

}
