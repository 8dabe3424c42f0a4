package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;

/**
 * What an operator may do to a store's calls: cancel a call with its descendants, and run a failed
 * call again. Both are recorded in the call's history.
 */
public interface CallControl {

	/** The error type of a cancelled call's result. */
	String CANCELLED = Cancellation.ERROR_TYPE;

	/**
	 * Cancels a call that has not ended, and the calls it made that have not ended, down its tree.
	 * Pending and suspended calls end at once with an error of type {@value #CANCELLED} and status
	 * {@code PERMANENT_ERROR}, their results delivered like any other; a running call keeps running
	 * until its attempt returns, whose outcome is then refused and replaced by the same error.
	 * @param id the dispatch id
	 * @return what was done
	 */
	Intervention cancel(String id);

	/**
	 * Runs a call that ended with an error again: it is due at once for a new attempt, with the
	 * retries of a new call, and the error it ended with stays in its history. A call whose result
	 * went to a parent that has not ended is refused, as that parent has already read it.
	 * @param id the dispatch id
	 * @return what was done
	 */
	Intervention runAgain(String id);

	/** Why a call that has ended cannot be cancelled. */
	String ENDED = "the call has ended";

	/** Why a running call cancelled already cannot be cancelled again. */
	String CANCELLING = "the call is being cancelled: it ends when its attempt returns";

	/** Why a call cannot run again unless it failed. */
	String NOT_FAILED = "only a call that ended with an error runs again";

	/** The message of a call cancelled while it ran. */
	String CANCELLED_WHILE_RUNNING = "the call was cancelled while it ran";

	/**
	 * The message of a call cancelled by an operator, directly or with an ancestor.
	 * @param id the call's dispatch id
	 * @param cancelledId the dispatch id of the call the operator cancelled
	 * @return the message
	 */
	static String cancelMessage(String id, String cancelledId) {
		return id.equals(cancelledId) ? "the call was cancelled" : "the call was cancelled with " + cancelledId;
	}

	/**
	 * The result of a cancelled call.
	 * @param id the call's dispatch id
	 * @param correlationId the call's correlation id
	 * @param message what the error says
	 * @return the result, addressed to the call's parent like any other
	 */
	static CallResult cancelledResult(String id, long correlationId, String message) {
		return CallResult.newBuilder()
			.setDispatchId(id)
			.setCorrelationId(correlationId)
			.setError(Error.newBuilder().setType(CANCELLED).setMessage(message))
			.build();
	}

	/**
	 * Why a call whose result went to a parent that has not ended cannot run again.
	 * @param parentId the parent's dispatch id
	 * @return the reason
	 */
	static String parentWaiting(String parentId) {
		return "its result went to its parent " + parentId + ", which has not ended: run the parent again once it "
				+ "has ended, or cancel it";
	}

}
