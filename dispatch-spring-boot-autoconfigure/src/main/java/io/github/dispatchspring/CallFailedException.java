package io.github.dispatchspring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A call that a gather or an await waited for ended with an error. It describes the first failed
 * call, and {@link #getFailures()} lists every call of the gather known to have failed.
 * <p>
 * Its own {@link #getStatus() status} is {@code PERMANENT_ERROR}, the status a function that lets it
 * through ends with: the failed call was retried already. The status the failed call itself ended
 * with is {@link #getCallStatus()}.
 */
public class CallFailedException extends DispatchException {

	private final @Nullable DispatchId dispatchId;

	private final String errorType;

	private final List<Failure> failures;

	public CallFailedException(DispatchStatus status, @Nullable DispatchId dispatchId, String errorType,
			String message) {
		this(List.of(new Failure(0, dispatchId, status, errorType, message)));
	}

	/**
	 * Creates the exception for the calls of a gather that failed.
	 * @param failures the failed calls, in call order, at least one
	 */
	public CallFailedException(List<Failure> failures) {
		super(DispatchStatus.PERMANENT_ERROR, describe(failures));
		Failure first = failures.get(0);
		this.dispatchId = first.dispatchId();
		this.errorType = first.errorType();
		this.failures = List.copyOf(failures);
	}

	private static String describe(List<Failure> failures) {
		Failure first = failures.get(0);
		String call = (first.dispatchId() != null) ? "Call " + first.dispatchId() : "A call";
		String others = (failures.size() > 1) ? " (and " + (failures.size() - 1) + " more calls failed)" : "";
		return call + " failed with " + first.errorType() + ": " + first.message() + others;
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

	/**
	 * Whether the first failed call was cancelled ({@link DispatchClient#cancel}, directly or with an
	 * ancestor, or as the loser of an {@code any} or a {@code race}) rather than failing by itself: its
	 * error type is {@value Cancellation#ERROR_TYPE}, and its status {@code PERMANENT_ERROR}.
	 * @return {@code true} if it was cancelled
	 */
	public boolean isCancelled() {
		return this.failures.get(0).cancelled();
	}

	/**
	 * The status the first failed call ended with, as the scheduler's store recorded it; {@code
	 * PERMANENT_ERROR} when the scheduler running the call does not tell it.
	 * @return the call's status
	 */
	public DispatchStatus getCallStatus() {
		return this.failures.get(0).status();
	}

	/**
	 * Every call of the gather known to have failed, in call order. Inside a function a gather stops
	 * waiting at the first failure, so calls still running then are not listed.
	 * @return the failures
	 */
	public List<Failure> getFailures() {
		return this.failures;
	}

	/**
	 * One failed call.
	 *
	 * @param index the call's index in its gather
	 * @param dispatchId the call's id, when known
	 * @param status the status the call ended with
	 * @param errorType the type of its error
	 * @param message the message of its error
	 */
	public record Failure(int index, @Nullable DispatchId dispatchId, DispatchStatus status, String errorType,
			String message) {

		/**
		 * Whether the call was cancelled rather than failing by itself.
		 * @return {@code true} if its error type is {@value Cancellation#ERROR_TYPE}
		 */
		public boolean cancelled() {
			return Cancellation.ERROR_TYPE.equals(this.errorType);
		}

	}

}
