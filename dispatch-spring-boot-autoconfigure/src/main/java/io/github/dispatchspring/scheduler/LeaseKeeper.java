package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the leases of the calls this scheduler runs: a lease held for a third of its duration is
 * renewed, so that a call running longer than a lease is not claimed again and run twice, and the
 * leases still held when the scheduler stops are handed back.
 */
public final class LeaseKeeper {

	private final CallStore store;

	private final Duration lease;

	private final Duration renewAfter;

	private final StoreOutage outage;

	private final Clock clock;

	private final Map<String, Held> running = new ConcurrentHashMap<>();

	private Instant nextCheck;

	/**
	 * Creates the keeper.
	 * @param store the store
	 * @param lease how long a lease lasts
	 * @param outage the store's failures, as the scheduler sees them
	 * @param clock the clock
	 */
	public LeaseKeeper(CallStore store, Duration lease, StoreOutage outage, Clock clock) {
		this.store = store;
		this.lease = lease;
		this.renewAfter = lease.dividedBy(3);
		this.outage = outage;
		this.clock = clock;
		this.nextCheck = clock.instant();
	}

	void started(ClaimedCall call) {
		this.running.put(key(call), new Held(call, this.clock.instant()));
	}

	void ended(ClaimedCall call) {
		this.running.remove(key(call));
	}

	/**
	 * How many calls run with a lease kept here.
	 * @return the number of calls
	 */
	int held() {
		return this.running.size();
	}

	/** Renews the leases held for a third of their duration; called often by one thread. */
	void renewDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCheck)) {
			return;
		}
		this.nextCheck = now.plus(this.renewAfter.dividedBy(2));
		Instant takenBefore = now.minus(this.renewAfter);
		List<Held> due = this.running.values().stream().filter((held) -> held.since().isBefore(takenBefore)).toList();
		if (due.isEmpty()) {
			return;
		}
		try {
			this.store.renew(due.stream().map(Held::call).toList(), this.lease);
			due.forEach((held) -> this.running.replace(key(held.call()), held, new Held(held.call(), now)));
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
		}
	}

	/** Hands back the leases of the calls still running, as the scheduler stops. */
	void releaseAll() {
		List<ClaimedCall> held = this.running.values().stream().map(Held::call).toList();
		release(held);
		held.forEach(this::ended);
	}

	/** Hands back leases of calls that will not run here, so that they are due at once. */
	void release(List<ClaimedCall> calls) {
		if (calls.isEmpty()) {
			return;
		}
		try {
			this.store.release(calls);
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
		}
	}

	private static String key(ClaimedCall call) {
		return call.id() + "/" + call.leaseToken();
	}

	private record Held(ClaimedCall call, Instant since) {
	}

}
