package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a store can tell of the calls it holds, for health checks, metrics and the actuator endpoint.
 */
public interface StoreStatistics {

	/**
	 * The work waiting in the store: it reads the calls that have not ended only, so that it stays
	 * cheap on a store holding many ended calls.
	 * @param now the current time
	 * @return the backlog
	 */
	Backlog backlog(Instant now);

	/**
	 * How many calls the store holds in each state. It counts every call, ended ones included: read it
	 * on demand, not on every metrics scrape.
	 * @return the counts
	 */
	Counts counts();

	/**
	 * The work waiting in a store.
	 *
	 * @param due the calls due now that no worker runs: pending calls whose time has come, suspended
	 * calls whose results arrived or whose wait ended, and calls whose lease expired
	 * @param oldestDue when the call due the longest became due, or {@code null} when none is due
	 * @param leased the calls leased by a worker, of any instance sharing the store
	 */
	record Backlog(long due, @Nullable Instant oldestDue, long leased) {

		/**
		 * How long the call due the longest has waited.
		 * @param now the current time
		 * @return the wait, zero when none is due
		 */
		public Duration oldestDueAge(Instant now) {
			return (this.oldestDue != null && this.oldestDue.isBefore(now)) ? Duration.between(this.oldestDue, now)
					: Duration.ZERO;
		}

	}

	/**
	 * The calls of a store by state.
	 *
	 * @param pending calls waiting for their first attempt or for a retry
	 * @param running calls leased by a worker
	 * @param suspended calls waiting for the results of the calls they made
	 * @param ended calls whose result is recorded
	 */
	record Counts(long pending, long running, long suspended, long ended) {
	}

}
