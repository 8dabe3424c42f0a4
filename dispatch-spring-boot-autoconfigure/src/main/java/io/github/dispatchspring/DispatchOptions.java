package io.github.dispatchspring;

import org.jspecify.annotations.Nullable;

/**
 * How a call is dispatched, beyond its function and input.
 *
 * @param idempotencyKey a key that makes the dispatch happen once: a second dispatch with the same
 * key returns the first call's id instead of starting a call, until the first call is deleted
 * {@code dispatch.scheduler.retention} after it ended; at most 256 characters, or {@code null}
 */
public record DispatchOptions(@Nullable String idempotencyKey) {

	/** The most characters an idempotency key has. */
	public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

	public DispatchOptions {
		if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
			throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters, not " + idempotencyKey.length());
		}
	}

	/**
	 * Options that dispatch a call once per key.
	 * @param key the idempotency key, for example the id of the request or order the call is for
	 * @return the options
	 */
	public static DispatchOptions idempotencyKey(String key) {
		return new DispatchOptions(key);
	}

}
