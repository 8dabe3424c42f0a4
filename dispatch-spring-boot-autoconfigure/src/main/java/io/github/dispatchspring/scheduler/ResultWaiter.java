package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Waits for the results of calls: woken when a call of this scheduler ends, and checking the store
 * regularly for calls that other instances run. While the store is unavailable it keeps waiting, as
 * the calls it waits for are durable; the timeout bounds the wait either way.
 */
public final class ResultWaiter {

	private static final Duration RECHECK = Duration.ofMillis(250);

	private static final Duration SETTLE = Duration.ofMillis(10);

	private final CallStore store;

	private final Clock clock;

	private final Object ended = new Object();

	public ResultWaiter(CallStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void callEnded() {
		synchronized (this.ended) {
			this.ended.notifyAll();
		}
	}

	List<CallResult> await(List<String> ids, Duration timeout) {
		Instant deadline = this.clock.instant().plus(timeout);
		Set<String> remaining = new LinkedHashSet<>(ids);
		Map<String, CallResult> found = new HashMap<>();
		@Nullable RuntimeException storeFailure = null;
		try {
			while (true) {
				try {
					Map<String, CallResult> results = this.store.results(remaining);
					found.putAll(results);
					remaining.removeAll(results.keySet());
					storeFailure = null;
				}
				catch (DataAccessException | TransactionException ex) {
					storeFailure = ex;
				}
				if (remaining.isEmpty()) {
					List<CallResult> ordered = new ArrayList<>(ids.size());
					ids.forEach((id) -> ordered.add(found.get(id)));
					return ordered;
				}
				Duration left = Duration.between(this.clock.instant(), deadline);
				if (left.isNegative()) {
					throw new DispatchException(DispatchStatus.TIMEOUT, remaining.size() + " of " + ids.size()
							+ " calls did not end within " + timeout + ", for example " + remaining.iterator().next()
							+ ((storeFailure != null) ? "; the call store is unavailable" : ""), storeFailure);
				}
				synchronized (this.ended) {
					this.ended.wait(Math.max(1, Math.min(left.toMillis(), RECHECK.toMillis())));
				}
				WakeUp.sleep(SETTLE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "Interrupted while waiting for results", ex);
		}
	}

}
