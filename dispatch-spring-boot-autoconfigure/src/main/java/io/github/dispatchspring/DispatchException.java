package io.github.dispatchspring;

import org.jspecify.annotations.Nullable;

/**
 * A failure that carries the {@link DispatchStatus} the call ends with. Throw it from a function to
 * choose the status explicitly, for example {@code TEMPORARY_ERROR} to have the call retried.
 */
public class DispatchException extends RuntimeException {

	private final DispatchStatus status;

	public DispatchException(DispatchStatus status, String message) {
		this(status, message, null);
	}

	public DispatchException(DispatchStatus status, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * The status a call that fails with this exception ends with.
	 * @return the status
	 */
	public DispatchStatus getStatus() {
		return this.status;
	}

}
