package io.github.dispatchspring;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a call is dispatched, beyond its function and input.
 *
 * @param idempotencyKey a key that makes the dispatch happen once: a second dispatch with the same
 * key returns the first call's id instead of starting a call, until the first call is deleted
 * {@code dispatch.scheduler.retention} after it ended; at most 256 characters, or {@code null}
 * @param expiration how long the call may take from dispatch to outcome, across attempts, over the
 * expiration of its function; an expired call ends with {@code TIMEOUT}; {@code null} for the
 * function's
 */
public record DispatchOptions(@Nullable String idempotencyKey, @Nullable Duration expiration) {

	/** The most characters an idempotency key has. */
	public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

	/** No options: the call is dispatched as its function's settings say. */
	public static final DispatchOptions NONE = new DispatchOptions(null, null);

	public DispatchOptions {
		if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
			throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters, not " + idempotencyKey.length());
		}
		if (expiration != null && (expiration.isNegative() || expiration.isZero())) {
			throw new IllegalArgumentException("An expiration must be longer than 0, not " + expiration);
		}
	}

	/**
	 * Options that dispatch a call once per key.
	 * @param key the idempotency key, for example the id of the request or order the call is for
	 * @return the options
	 */
	public static DispatchOptions idempotencyKey(String key) {
		return new DispatchOptions(key, null);
	}

	/**
	 * Options that let the call take at most the given time from dispatch to outcome.
	 * @param expiration the time, longer than 0
	 * @return the options
	 */
	public static DispatchOptions expiringAfter(Duration expiration) {
		return new DispatchOptions(null, expiration);
	}

	/**
	 * These options with an expiration.
	 * @param expiration the time the call may take from dispatch to outcome, longer than 0
	 * @return the options
	 */
	public DispatchOptions withExpiration(Duration expiration) {
		return new DispatchOptions(this.idempotencyKey, expiration);
	}

}
