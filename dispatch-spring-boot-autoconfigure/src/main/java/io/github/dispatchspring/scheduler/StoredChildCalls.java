package io.github.dispatchspring.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The {@link ChildCalls} of the embedded scheduler, in its {@link CallStore}, with the ids
 * {@link DispatchIds#derived} gives them. The results read last are kept in the heap, up to a budget,
 * as replays read the same results on every resume. A store that cannot be read fails the run with
 * {@code TEMPORARY_ERROR}, so that it is tried again.
 */
public final class StoredChildCalls implements ChildCalls {

	private static final long KEPT_RESULTS_BYTES = 32L * 1024 * 1024;

	private final CallStore store;

	private final RecentResults recent = new RecentResults(KEPT_RESULTS_BYTES);

	public StoredChildCalls(CallStore store) {
		this.store = store;
	}

	@Override
	public boolean holds(String dispatchId) {
		return read(() -> this.store.exists(dispatchId));
	}

	@Override
	public List<String> ids(String parentId, List<Call> calls) {
		return calls.stream().map((call) -> DispatchIds.derived(parentId, call)).toList();
	}

	@Override
	public Map<String, CallResult> results(Collection<String> ids) {
		Map<String, CallResult> results = this.recent.find(ids);
		if (results.size() < ids.size()) {
			List<String> unknown = ids.stream().filter((id) -> !results.containsKey(id)).toList();
			Map<String, CallResult> read = read(() -> this.store.results(unknown));
			this.recent.keep(read);
			results.putAll(read);
		}
		return results;
	}

	@Override
	public Set<String> existing(Collection<String> ids) {
		return read(() -> this.store.existing(ids));
	}

	@Override
	public List<Call> children(String parentId) {
		return read(() -> this.store.children(parentId)
			.stream()
			.map((child) -> Call.newBuilder()
				.setFunction(child.function())
				.setCorrelationId(child.correlationId())
				.build())
			.toList());
	}

	private static <T> T read(Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (DataAccessException | TransactionException ex) {
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR,
					"The Dispatch call store is unavailable to replay the call: " + ex.getMostSpecificCause().getMessage(),
					ex);
		}
	}

}
