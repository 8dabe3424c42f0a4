package io.github.dispatchspring;

import org.jspecify.annotations.Nullable;

/**
 * A call that a gather or an await waited for ended with an error.
 */
public class CallFailedException extends DispatchException {

	private final @Nullable DispatchId dispatchId;

	private final String errorType;

	public CallFailedException(DispatchStatus status, @Nullable DispatchId dispatchId, String errorType,
			String message) {
		super(status, describe(dispatchId, errorType, message));
		this.dispatchId = dispatchId;
		this.errorType = errorType;
	}

	private static String describe(@Nullable DispatchId dispatchId, String errorType, String message) {
		String call = (dispatchId != null) ? "Call " + dispatchId : "A call";
		return call + " failed with " + errorType + ": " + message;
	}

	/**
	 * The id of the call that failed, when known.
	 * @return the dispatch id or {@code null}
	 */
	public @Nullable DispatchId getDispatchId() {
		return this.dispatchId;
	}

	/**
	 * The type of the error the call failed with, as the function reported it.
	 * @return the error type
	 */
	public String getErrorType() {
		return this.errorType;
	}

}
