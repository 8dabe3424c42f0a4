package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Waits for the results of calls: completed at once when a call of this scheduler ends, and checking
 * the store regularly for calls that ended before the wait began or on other instances. While the
 * store is unavailable it keeps waiting, as the calls it waits for are durable; the timeout bounds the
 * wait either way. An asynchronous wait holds no thread: one thread of the waiter checks the store
 * for all of them.
 */
public final class ResultWaiter implements AutoCloseable {

	private static final Duration RECHECK = Duration.ofMillis(250);

	private final CallStore store;

	private final Clock clock;

	private final Map<String, CompletableFuture<CallResult>> awaited = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService rechecks;

	public ResultWaiter(CallStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void callEnded(CallResult result) {
		CompletableFuture<CallResult> future = this.awaited.remove(result.getDispatchId());
		if (future != null) {
			future.complete(result);
		}
	}

	List<CallResult> await(List<String> ids, Duration timeout) {
		Instant deadline = this.clock.instant().plus(timeout);
		List<CompletableFuture<CallResult>> futures = new ArrayList<>(ids.size());
		ids.forEach((id) -> futures.add(this.awaited.computeIfAbsent(id, (key) -> new CompletableFuture<>())));
		@Nullable RuntimeException storeFailure = null;
		try {
			while (true) {
				List<String> remaining = new ArrayList<>();
				for (int i = 0; i < ids.size(); i++) {
					if (!futures.get(i).isDone()) {
						remaining.add(ids.get(i));
					}
				}
				try {
					this.store.results(remaining).values().forEach(this::callEnded);
					storeFailure = null;
				}
				catch (DataAccessException | TransactionException ex) {
					storeFailure = ex;
				}
				CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
				Duration left = Duration.between(this.clock.instant(), deadline);
				if (all.isDone() || left.isNegative()) {
					return collect(ids, futures, timeout, storeFailure);
				}
				try {
					all.get(Math.min(left.toMillis(), RECHECK.toMillis()) + 1, TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					// check the store again
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "Interrupted while waiting for results", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	CompletableFuture<List<CallResult>> awaitAsync(List<String> ids, Duration timeout) {
		Instant deadline = this.clock.instant().plus(timeout);
		List<CompletableFuture<CallResult>> futures = new ArrayList<>(ids.size());
		ids.forEach((id) -> futures.add(this.awaited.computeIfAbsent(id, (key) -> new CompletableFuture<>())));
		CompletableFuture<List<CallResult>> outcome = new CompletableFuture<>();
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
			.thenRun(() -> outcome.complete(futures.stream().map((future) -> future.getNow(null)).toList()));
		rechecks().execute(() -> recheckOrFail(ids, futures, deadline, timeout, outcome));
		return outcome;
	}

	private void recheckOrFail(List<String> ids, List<CompletableFuture<CallResult>> futures, Instant deadline,
			Duration timeout, CompletableFuture<List<CallResult>> outcome) {
		try {
			recheck(ids, futures, deadline, timeout, outcome);
		}
		catch (RuntimeException ex) {
			outcome.completeExceptionally(ex);
		}
	}

	private void recheck(List<String> ids, List<CompletableFuture<CallResult>> futures, Instant deadline,
			Duration timeout, CompletableFuture<List<CallResult>> outcome) {
		if (outcome.isDone()) {
			return;
		}
		@Nullable RuntimeException storeFailure = null;
		try {
			List<String> remaining = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				if (!futures.get(i).isDone()) {
					remaining.add(ids.get(i));
				}
			}
			this.store.results(remaining).values().forEach(this::callEnded);
		}
		catch (DataAccessException | TransactionException ex) {
			storeFailure = ex;
		}
		Duration left = Duration.between(this.clock.instant(), deadline);
		if (outcome.isDone()) {
			return;
		}
		if (left.isNegative()) {
			try {
				outcome.complete(collect(ids, futures, timeout, storeFailure));
			}
			catch (DispatchException ex) {
				outcome.completeExceptionally(ex);
			}
			return;
		}
		rechecks().schedule(() -> recheckOrFail(ids, futures, deadline, timeout, outcome),
				Math.min(left.toMillis(), RECHECK.toMillis()) + 1, TimeUnit.MILLISECONDS);
	}

	private synchronized ScheduledExecutorService rechecks() {
		if (this.rechecks == null) {
			this.rechecks = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "dispatch-result-waiter");
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.rechecks;
	}

	/**
	 * Stops checking the store for asynchronous waits.
	 */
	@Override
	public synchronized void close() {
		if (this.rechecks != null) {
			this.rechecks.shutdownNow();
		}
	}

	private List<CallResult> collect(List<String> ids, List<CompletableFuture<CallResult>> futures, Duration timeout,
			@Nullable RuntimeException storeFailure) {
		List<CallResult> results = new ArrayList<>(ids.size());
		int missing = 0;
		String example = null;
		for (int i = 0; i < ids.size(); i++) {
			CallResult result = futures.get(i).getNow(null);
			if (result == null) {
				missing++;
				example = ids.get(i);
				this.awaited.remove(ids.get(i));
			}
			results.add(result);
		}
		if (missing > 0) {
			throw new DispatchException(DispatchStatus.TIMEOUT,
					missing + " of " + ids.size() + " calls did not end within " + timeout + ", for example " + example
							+ ((storeFailure != null) ? "; the call store is unavailable" : ""),
					storeFailure);
		}
		return results;
	}

}
