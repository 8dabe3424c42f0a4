package io.github.dispatchspring.scheduler;

import java.time.Duration;

import io.github.dispatchspring.DispatchStatus;
import io.github.resilience4j.core.IntervalFunction;

/**
 * When a failed call is tried again: retryable statuses back off exponentially with jitter, up to a
 * number of attempts.
 */
public final class RetryPolicy {

	private final IntervalFunction backoff;

	private final int maxAttempts;

	public RetryPolicy(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(initialInterval, multiplier, 0.5, maxInterval);
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Whether a call that failed with this status on the given attempt is tried again.
	 * @param status the status
	 * @param attempt the attempt that failed, from 1
	 * @return {@code true} to retry
	 */
	public boolean retries(DispatchStatus status, int attempt) {
		return status.isRetryable() && (this.maxAttempts <= 0 || attempt < this.maxAttempts);
	}

	/**
	 * How long to wait after the given failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @return the delay
	 */
	public Duration delayAfter(int attempt) {
		return Duration.ofMillis(this.backoff.apply(attempt));
	}

}
