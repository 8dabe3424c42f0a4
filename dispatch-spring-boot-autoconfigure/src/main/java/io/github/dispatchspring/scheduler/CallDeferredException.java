package io.github.dispatchspring.scheduler;

import java.time.Instant;

/**
 * Thrown by a {@link CallInvoker} that did not run a call because its endpoint is not taking calls
 * now: its circuit breaker is open, or as many calls as its concurrency limit allows are running. The
 * call is handed back to the store, due again at {@link #dueAt()}, without counting an attempt.
 */
public final class CallDeferredException extends RuntimeException {

	private final Instant dueAt;

	/**
	 * Creates the exception.
	 * @param dueAt when the call is due again
	 * @param reason why the endpoint does not take the call now
	 */
	public CallDeferredException(Instant dueAt, String reason) {
		super(reason, null, false, false);
		this.dueAt = dueAt;
	}

	/**
	 * When the call is due again.
	 * @return the time
	 */
	public Instant dueAt() {
		return this.dueAt;
	}

}
