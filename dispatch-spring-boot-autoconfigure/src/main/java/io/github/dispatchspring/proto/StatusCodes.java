package io.github.dispatchspring.proto;

import io.github.dispatchspring.DispatchStatus;

/**
 * The protocol's status codes for {@link DispatchStatus} and back: each status is the wire enum of
 * the same name with the {@code STATUS_} prefix.
 */
public final class StatusCodes {

	private static final Status[] CODES = new Status[DispatchStatus.values().length];

	static {
		for (DispatchStatus status : DispatchStatus.values()) {
			CODES[status.ordinal()] = Status.valueOf("STATUS_" + status.name());
		}
	}

	private StatusCodes() {
	}

	/**
	 * The protocol value of a status.
	 * @param status the status
	 * @return the wire enum
	 */
	public static Status toProto(DispatchStatus status) {
		return CODES[status.ordinal()];
	}

	/**
	 * The status for a protocol value; unknown values read as {@link DispatchStatus#UNSPECIFIED}.
	 * @param code the wire enum
	 * @return the status
	 */
	public static DispatchStatus of(Status code) {
		for (DispatchStatus status : DispatchStatus.values()) {
			if (CODES[status.ordinal()] == code) {
				return status;
			}
		}
		return DispatchStatus.UNSPECIFIED;
	}

}
