package io.github.dispatchspring;

/**
 * The outcome category of a function call; it decides whether the scheduler retries the call.
 */
public enum DispatchStatus {

	/** The status was not set. */
	UNSPECIFIED(false),
	/** The call succeeded. */
	OK(false),
	/** The call took too long; it is retried. */
	TIMEOUT(true),
	/** The call was rate limited; it is retried. */
	THROTTLED(true),
	/** The input was invalid; the call is not retried. */
	INVALID_ARGUMENT(false),
	/** The function produced a response that could not be used; the call is not retried. */
	INVALID_RESPONSE(false),
	/** A transient failure; the call is retried. */
	TEMPORARY_ERROR(true),
	/** A failure that will not go away; the call is not retried. */
	PERMANENT_ERROR(false),
	/** The durable state could not be resumed; the call is restarted from its input. */
	INCOMPATIBLE_STATE(true),
	/** A name could not be resolved; the call is retried. */
	DNS_ERROR(true),
	/** A connection failed; the call is retried. */
	TCP_ERROR(true),
	/** A TLS handshake failed; the call is retried. */
	TLS_ERROR(true),
	/** An HTTP exchange failed; the call is retried. */
	HTTP_ERROR(true),
	/** Credentials were missing or wrong; the call is not retried. */
	UNAUTHENTICATED(false),
	/** The caller may not do this; the call is not retried. */
	PERMISSION_DENIED(false),
	/** Something the call needs does not exist; the call is not retried. */
	NOT_FOUND(false);

	private final boolean retryable;

	DispatchStatus(boolean retryable) {
		this.retryable = retryable;
	}

	/**
	 * Whether the scheduler retries a call that ends with this status.
	 * @return {@code true} for temporary failures
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * The status of a call whose downstream HTTP exchange answered with this code, by the protocol's
	 * table.
	 * @param httpStatus the HTTP status code
	 * @return the status
	 */
	public static DispatchStatus ofHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> INVALID_ARGUMENT;
			case 401 -> UNAUTHENTICATED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 408 -> TIMEOUT;
			case 429 -> THROTTLED;
			case 501 -> PERMANENT_ERROR;
			default -> {
				if (httpStatus >= 200 && httpStatus < 300) {
					yield OK;
				}
				if (httpStatus >= 500 && httpStatus < 600) {
					yield TEMPORARY_ERROR;
				}
				yield (httpStatus >= 100 && httpStatus < 500) ? PERMANENT_ERROR : UNSPECIFIED;
			}
		};
	}

}
