package io.github.dispatchspring.scheduler;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the scheduler treats the calls of one function: when a failed call is tried again, how long one
 * run may take, when a call expires, and how hard the scheduler may push on the function.
 *
 * @param retry when a failed call is tried again
 * @param timeout the longest one run of a call may take
 * @param expiration how long a call may take from dispatch to outcome, across attempts, or
 * {@code null} for no limit
 * @param concurrency the most calls of the function running at once across all instances sharing the
 * store, 0 for no limit
 * @param rateLimit the most starts of calls of the function in a period, across instances, or
 * {@code null} for no limit
 * @param priority which calls go first when calls of several functions compete for workers: higher
 * first
 */
public record FunctionPolicy(RetryPolicy retry, Duration timeout, @Nullable Duration expiration, int concurrency,
		@Nullable RateLimit rateLimit, int priority) {

	/**
	 * A policy that only retries and times out, with no expiration and no limits.
	 * @param retry when a failed call is tried again
	 * @param timeout the longest one run of a call may take
	 * @return the policy
	 */
	public static FunctionPolicy of(RetryPolicy retry, Duration timeout) {
		return new FunctionPolicy(retry, timeout, null, 0, null, 0);
	}

	/**
	 * Whether the calls of this function are held back by a limit shared across instances.
	 * @return {@code true} if limited
	 */
	public boolean limited() {
		return this.concurrency > 0 || this.rateLimit != null;
	}

	/**
	 * At most {@code starts} calls start within any {@code period}.
	 *
	 * @param starts the most starts in a period
	 * @param period the period
	 */
	public record RateLimit(int starts, Duration period) {
	}

}
