package io.github.dispatchspring;

import io.github.dispatchspring.proto.Status;

/**
 * The outcome category of a function call; it decides whether the scheduler retries the call.
 */
public enum DispatchStatus {

	/** The status was not set. */
	UNSPECIFIED(Status.STATUS_UNSPECIFIED, false),
	/** The call succeeded. */
	OK(Status.STATUS_OK, false),
	/** The call took too long; it is retried. */
	TIMEOUT(Status.STATUS_TIMEOUT, true),
	/** The call was rate limited; it is retried. */
	THROTTLED(Status.STATUS_THROTTLED, true),
	/** The input was invalid; the call is not retried. */
	INVALID_ARGUMENT(Status.STATUS_INVALID_ARGUMENT, false),
	/** The function produced a response that could not be used; the call is not retried. */
	INVALID_RESPONSE(Status.STATUS_INVALID_RESPONSE, false),
	/** A transient failure; the call is retried. */
	TEMPORARY_ERROR(Status.STATUS_TEMPORARY_ERROR, true),
	/** A failure that will not go away; the call is not retried. */
	PERMANENT_ERROR(Status.STATUS_PERMANENT_ERROR, false),
	/** The durable state could not be resumed; the call is restarted from its input. */
	INCOMPATIBLE_STATE(Status.STATUS_INCOMPATIBLE_STATE, true),
	/** A name could not be resolved; the call is retried. */
	DNS_ERROR(Status.STATUS_DNS_ERROR, true),
	/** A connection failed; the call is retried. */
	TCP_ERROR(Status.STATUS_TCP_ERROR, true),
	/** A TLS handshake failed; the call is retried. */
	TLS_ERROR(Status.STATUS_TLS_ERROR, true),
	/** An HTTP exchange failed; the call is retried. */
	HTTP_ERROR(Status.STATUS_HTTP_ERROR, true),
	/** Credentials were missing or wrong; the call is not retried. */
	UNAUTHENTICATED(Status.STATUS_UNAUTHENTICATED, false),
	/** The caller may not do this; the call is not retried. */
	PERMISSION_DENIED(Status.STATUS_PERMISSION_DENIED, false),
	/** Something the call needs does not exist; the call is not retried. */
	NOT_FOUND(Status.STATUS_NOT_FOUND, false);

	private final Status proto;

	private final boolean retryable;

	DispatchStatus(Status proto, boolean retryable) {
		this.proto = proto;
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
	 * The protocol value of this status.
	 * @return the wire enum
	 */
	public Status toProto() {
		return this.proto;
	}

	/**
	 * The status for a protocol value; unknown values read as {@link #UNSPECIFIED}.
	 * @param status the wire enum
	 * @return the status
	 */
	public static DispatchStatus of(Status status) {
		for (DispatchStatus candidate : values()) {
			if (candidate.proto == status) {
				return candidate;
			}
		}
		return UNSPECIFIED;
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
