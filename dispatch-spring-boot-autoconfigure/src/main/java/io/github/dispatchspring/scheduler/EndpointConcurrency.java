package io.github.dispatchspring.scheduler;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The calls running at one endpoint host, held to an {@link AimdLimit} that grows as the host answers
 * and halves when it pushes back. A call over the limit may wait on its worker for a slot, up to a
 * bound, but no more calls wait than the limit allows to run, so that a slow host ties up at most
 * twice its limit of the scheduler's workers; the others are turned away at once.
 */
final class EndpointConcurrency {

	private static final Log logger = LogFactory.getLog(EndpointConcurrency.class);

	private final String host;

	private final AimdLimit limit;

	private int running;

	private int waiting;

	EndpointConcurrency(String host, AimdLimit limit) {
		this.host = host;
		this.limit = limit;
	}

	/**
	 * Takes a slot, waiting for one up to the given time if the limit is reached and few calls wait.
	 * @param maxWait how long to wait for a slot
	 * @return the slot, or {@code null} if none came free
	 * @throws InterruptedException if the thread was interrupted while waiting
	 */
	synchronized @Nullable Slot acquire(Duration maxWait) throws InterruptedException {
		if (this.running >= this.limit.limit()) {
			if (this.waiting >= this.limit.limit()) {
				return null;
			}
			if (!awaitSlot(System.nanoTime() + maxWait.toNanos())) {
				return null;
			}
		}
		this.running++;
		return new Slot(this.limit.window(), this.running >= this.limit.limit());
	}

	private boolean awaitSlot(long deadline) throws InterruptedException {
		this.waiting++;
		try {
			while (this.running >= this.limit.limit()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				wait(Math.max(1, remaining / 1_000_000));
			}
			return true;
		}
		finally {
			this.waiting--;
		}
	}

	/**
	 * Gives a slot back, changing the limit by what the call's outcome says of the host.
	 * @param slot the slot
	 * @param signal what the outcome says
	 */
	synchronized void release(Slot slot, EndpointOutcome.Signal signal) {
		this.running--;
		int before = this.limit.limit();
		boolean changed = switch (signal) {
			case INCREASE -> this.limit.succeeded(slot.saturated());
			case DECREASE -> this.limit.throttled(slot.window());
			case NONE -> false;
		};
		if (changed && logger.isDebugEnabled()) {
			logger.debug("Concurrency limit of calls to " + this.host + ": " + before + " -> " + this.limit.limit());
		}
		notifyAll();
	}

	/**
	 * The limit now.
	 * @return the most calls running at once
	 */
	synchronized int limit() {
		return this.limit.limit();
	}

	/**
	 * The calls running now.
	 * @return how many
	 */
	synchronized int running() {
		return this.running;
	}

	/**
	 * The calls waiting for a slot now.
	 * @return how many
	 */
	synchronized int waiting() {
		return this.waiting;
	}

	/**
	 * A call's place among those running at the host.
	 *
	 * @param window the limit's window when the call started
	 * @param saturated whether the call took the last slot the limit allowed
	 */
	record Slot(long window, boolean saturated) {
	}

}
