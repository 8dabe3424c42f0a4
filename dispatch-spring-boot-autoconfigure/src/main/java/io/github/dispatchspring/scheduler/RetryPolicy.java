package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.DispatchStatus;
import io.github.resilience4j.core.IntervalFunction;
import org.jspecify.annotations.Nullable;

/**
 * When a failed call is tried again: retryable statuses back off exponentially with jitter, up to a
 * number of attempts, except the statuses and error types that are never retried.
 */
public final class RetryPolicy {

	/** The randomization factor of the delays when none is given. */
	public static final double DEFAULT_JITTER = 0.5;

	private final IntervalFunction backoff;

	private final Duration initialInterval;

	private final double multiplier;

	private final Duration maxInterval;

	private final int maxAttempts;

	private final double jitter;

	private final Set<DispatchStatus> noRetryStatuses;

	private final ErrorTypes noRetryErrors;

	/**
	 * Creates a policy that retries every retryable status, with the default jitter.
	 * @param initialInterval the delay before the first retry
	 * @param multiplier the growth of the delay per attempt, at least 1
	 * @param maxInterval the longest delay
	 * @param maxAttempts the attempts after which a call ends with its last error, 0 for no limit
	 */
	public RetryPolicy(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {
		this(initialInterval, multiplier, maxInterval, maxAttempts, DEFAULT_JITTER, Set.of(), List.of());
	}

	/**
	 * Creates a policy.
	 * @param initialInterval the delay before the first retry
	 * @param multiplier the growth of the delay per attempt, at least 1
	 * @param maxInterval the longest delay
	 * @param maxAttempts the attempts after which a call ends with its last error, 0 for no limit
	 * @param jitter the randomization factor of each delay, from 0 (none) to 1 (anywhere from 0 to
	 * twice the delay)
	 * @param noRetryStatuses statuses that end a call at once even though they are retryable
	 * @param noRetryErrors error types that end a call at once: names of exception classes (or of the
	 * error types other SDKs report); a class known here matches its subclasses too
	 */
	public RetryPolicy(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts,
			double jitter, Set<DispatchStatus> noRetryStatuses, List<String> noRetryErrors) {
		this.backoff = (jitter > 0)
				? IntervalFunction.ofExponentialRandomBackoff(initialInterval, multiplier, jitter, maxInterval)
				: IntervalFunction.ofExponentialBackoff(initialInterval, multiplier, maxInterval);
		this.initialInterval = initialInterval;
		this.multiplier = multiplier;
		this.maxInterval = maxInterval;
		this.maxAttempts = maxAttempts;
		this.jitter = jitter;
		this.noRetryStatuses = Set.copyOf(noRetryStatuses);
		this.noRetryErrors = new ErrorTypes(noRetryErrors);
	}

	/**
	 * Whether a call that failed with this status on the given attempt is tried again.
	 * @param status the status
	 * @param attempt the attempt that failed, from 1
	 * @return {@code true} to retry
	 */
	public boolean retries(DispatchStatus status, int attempt) {
		return retries(status, null, attempt);
	}

	/**
	 * Whether a call that failed with this status and error type on the given attempt is tried again.
	 * @param status the status
	 * @param errorType the type of the call's error, such as the name of the exception class the
	 * function threw, or {@code null} when it has none
	 * @param attempt the attempt that failed, from 1
	 * @return {@code true} to retry
	 */
	public boolean retries(DispatchStatus status, @Nullable String errorType, int attempt) {
		return status.isRetryable() && !this.noRetryStatuses.contains(status)
				&& (errorType == null || !this.noRetryErrors.matches(errorType))
				&& (this.maxAttempts <= 0 || attempt < this.maxAttempts);
	}

	/**
	 * How long to wait after the given failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @return the delay
	 */
	public Duration delayAfter(int attempt) {
		return Duration.ofMillis(this.backoff.apply(attempt));
	}

	/**
	 * The delay before the first retry, before jitter.
	 * @return the delay
	 */
	public Duration initialInterval() {
		return this.initialInterval;
	}

	/**
	 * The growth of the delay per attempt.
	 * @return the multiplier
	 */
	public double multiplier() {
		return this.multiplier;
	}

	/**
	 * The longest delay, before jitter.
	 * @return the delay
	 */
	public Duration maxInterval() {
		return this.maxInterval;
	}

	/**
	 * The attempts after which a call ends with its last error.
	 * @return the attempts, 0 for no limit
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * The randomization factor of each delay.
	 * @return the jitter, from 0 to 1
	 */
	public double jitter() {
		return this.jitter;
	}

	/**
	 * The retryable statuses that end a call at once.
	 * @return the statuses
	 */
	public Set<DispatchStatus> noRetryStatuses() {
		return this.noRetryStatuses;
	}

	/**
	 * The error types that end a call at once.
	 * @return the names of the types
	 */
	public List<String> noRetryErrors() {
		return this.noRetryErrors.names();
	}

}
