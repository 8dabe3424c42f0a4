package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Interrupts the threads running calls that were cancelled. It asks the store which of the calls this
 * scheduler holds are marked cancelled: at once after a cancellation made in this application, and
 * every second otherwise, so that a cancellation made by another instance sharing the store reaches
 * them too. A call cancelled before its attempt began does not begin, and a thread is interrupted only
 * while it runs the call's function or request, never while it records the outcome.
 */
public final class CallInterrupts {

	private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

	private final CallStore store;

	private final StoreOutage outage;

	private final Clock clock;

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	private volatile Instant nextCheck;

	/**
	 * Creates the interrupts.
	 * @param store the store, which tells the cancelled calls
	 * @param outage the store's failures, as the scheduler sees them
	 * @param clock the clock
	 */
	public CallInterrupts(CallStore store, StoreOutage outage, Clock clock) {
		this.store = store;
		this.outage = outage;
		this.clock = clock;
		this.nextCheck = clock.instant();
	}

	void claimed(ClaimedCall call) {
		this.running.put(key(call), new Running(call));
	}

	/** Attaches the current thread to a claimed call: returns {@code false} if it was cancelled already. */
	boolean begin(ClaimedCall call) {
		Running running = this.running.get(key(call));
		return running == null || running.attach();
	}

	/** Detaches the current thread once the attempt returned, clearing an interrupt it may have had. */
	void invoked(ClaimedCall call) {
		Running running = this.running.get(key(call));
		if (running != null) {
			running.detach();
		}
	}

	void ended(ClaimedCall call) {
		Running running = this.running.remove(key(call));
		if (running != null) {
			running.detach();
		}
	}

	/** Checks the store for cancelled calls if a second has passed since the last check; called by one thread. */
	void checkDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCheck)) {
			return;
		}
		this.nextCheck = now.plus(CHECK_INTERVAL);
		check();
	}

	/** Asks the store which of the calls held here are cancelled, and interrupts them. */
	void check() {
		if (this.running.isEmpty()) {
			return;
		}
		List<Running> held = List.copyOf(this.running.values());
		Set<String> cancelled;
		try {
			cancelled = this.store.cancelled(held.stream().map(Running::call).toList());
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			return;
		}
		for (Running call : held) {
			if (cancelled.contains(call.call().id())) {
				call.cancel();
			}
		}
	}

	private static String key(ClaimedCall call) {
		return call.id() + "/" + call.leaseToken();
	}

	/** A call held here, and the thread running its attempt while it runs. */
	private static final class Running {

		private final ClaimedCall call;

		private @Nullable Thread thread;

		private boolean cancelled;

		Running(ClaimedCall call) {
			this.call = call;
		}

		ClaimedCall call() {
			return this.call;
		}

		synchronized boolean attach() {
			if (this.cancelled) {
				return false;
			}
			this.thread = Thread.currentThread();
			return true;
		}

		synchronized void detach() {
			if (this.thread == Thread.currentThread()) {
				this.thread = null;
				Thread.interrupted();
			}
		}

		synchronized void cancel() {
			this.cancelled = true;
			if (this.thread != null) {
				this.thread.interrupt();
			}
		}

	}

}
