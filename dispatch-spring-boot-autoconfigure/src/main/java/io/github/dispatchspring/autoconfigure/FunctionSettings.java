package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.scheduler.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a function from one source (its properties, its annotation, or the defaults), each
 * {@code null} when that source does not set it; laid over one another, the first that sets a value
 * wins.
 */
record FunctionSettings(@Nullable Duration initialInterval, @Nullable Double multiplier,
		@Nullable Duration maxInterval, @Nullable Integer maxAttempts, @Nullable Double jitter,
		@Nullable List<DispatchStatus> noRetryStatuses, @Nullable List<String> noRetryErrors,
		@Nullable Duration timeout, @Nullable Duration expiration, @Nullable Integer concurrency,
		@Nullable Integer rateLimit, @Nullable Duration rateLimitPeriod, @Nullable Integer priority) {

	static final FunctionSettings NONE = new FunctionSettings(null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	/**
	 * These settings, with what they do not set taken from others.
	 * @param others the settings underneath
	 * @return the settings laid over the others
	 */
	FunctionSettings over(FunctionSettings others) {
		return new FunctionSettings(first(this.initialInterval, others.initialInterval),
				first(this.multiplier, others.multiplier), first(this.maxInterval, others.maxInterval),
				first(this.maxAttempts, others.maxAttempts), first(this.jitter, others.jitter),
				first(this.noRetryStatuses, others.noRetryStatuses), first(this.noRetryErrors, others.noRetryErrors),
				first(this.timeout, others.timeout), first(this.expiration, others.expiration),
				first(this.concurrency, others.concurrency), first(this.rateLimit, others.rateLimit),
				first(this.rateLimitPeriod, others.rateLimitPeriod), first(this.priority, others.priority));
	}

	/**
	 * The policy of these settings, which must be laid over the defaults.
	 * @return the policy
	 */
	FunctionPolicy toPolicy() {
		RetryPolicy retry = new RetryPolicy(required(this.initialInterval), required(this.multiplier),
				required(this.maxInterval), required(this.maxAttempts), required(this.jitter),
				new HashSet<>(required(this.noRetryStatuses)), required(this.noRetryErrors));
		FunctionPolicy.RateLimit limit = (this.rateLimit != null)
				? new FunctionPolicy.RateLimit(this.rateLimit, required(this.rateLimitPeriod)) : null;
		return new FunctionPolicy(retry, required(this.timeout), this.expiration,
				(this.concurrency != null) ? this.concurrency : 0, limit, (this.priority != null) ? this.priority : 0);
	}

	private static <T> @Nullable T first(@Nullable T value, @Nullable T otherwise) {
		return (value != null) ? value : otherwise;
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Function settings are resolved over the defaults, which set every value");
		}
		return value;
	}

}
