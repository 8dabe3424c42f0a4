package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * Runs the due calls of an {@link InMemoryCallStore} on the calling thread, one at a time, through
 * the same {@link CallExecution} as the {@link EmbeddedScheduler}: for tests that decide themselves
 * when calls run and how time passes. Retries, suspensions, sleeps and expirations behave as in the
 * embedded scheduler; only the threads and the waiting differ.
 */
public final class ForegroundScheduler {

	private final InMemoryCallStore store;

	private final CallExecution execution;

	private final ResultWaiter waiter;

	private final Duration leaseDuration;

	/**
	 * Creates the scheduler.
	 * @param store the store it takes due calls from
	 * @param execution runs a call and records its outcome
	 * @param waiter hears of the calls that end
	 * @param leaseDuration how long the lease of a running call lasts
	 */
	public ForegroundScheduler(InMemoryCallStore store, CallExecution execution, ResultWaiter waiter,
			Duration leaseDuration) {
		this.store = store;
		this.execution = execution;
		this.waiter = waiter;
		this.leaseDuration = leaseDuration;
	}

	/**
	 * Leases one due call, if any, and runs one attempt of it on this thread.
	 * @return whether a call was due
	 */
	public boolean runNext() {
		List<ClaimedCall> claimed = this.store.claim(1, this.leaseDuration);
		if (claimed.isEmpty()) {
			return false;
		}
		CallResult result = this.execution.execute(claimed.get(0), TransitionWriter.Handoff.NONE);
		if (result != null) {
			this.waiter.callEnded(result);
		}
		return true;
	}

	/**
	 * When the next call is due.
	 * @return the time, or {@code null} when no call will be due without something else happening
	 * @see InMemoryCallStore#nextDue()
	 */
	public @Nullable Instant nextDue() {
		return this.store.nextDue();
	}

}
