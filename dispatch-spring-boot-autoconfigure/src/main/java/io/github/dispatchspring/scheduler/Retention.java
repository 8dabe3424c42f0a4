package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Deletes the calls that ended longer ago than the retention period, a batch at a time, so that the
 * store does not grow without end.
 */
public final class Retention {

	private static final Duration EVERY = Duration.ofMinutes(1);

	private static final int BATCH = 1000;

	private final CallStore store;

	private final @Nullable Duration period;

	private final StoreOutage outage;

	private final Clock clock;

	private Instant nextPurge;

	/**
	 * Creates the retention.
	 * @param store the store
	 * @param period how long ended calls are kept, {@code null} or zero for ever
	 * @param outage the store's failures, as the scheduler sees them
	 * @param clock the clock
	 */
	public Retention(CallStore store, @Nullable Duration period, StoreOutage outage, Clock clock) {
		this.store = store;
		this.period = period;
		this.outage = outage;
		this.clock = clock;
		this.nextPurge = clock.instant();
	}

	/** Purges ended calls when a minute has passed since the last purge; called often by one thread. */
	void purgeDue() {
		Instant now = this.clock.instant();
		if (this.period == null || this.period.isZero() || now.isBefore(this.nextPurge)) {
			return;
		}
		try {
			int purged = this.store.purge(now.minus(this.period), BATCH);
			this.nextPurge = (purged == BATCH) ? now : now.plus(EVERY);
		}
		catch (RuntimeException ex) {
			this.nextPurge = now.plus(EVERY);
			this.outage.failed(ex);
		}
	}

}
