package io.github.dispatchspring.scheduler;

import java.time.Clock;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * The history the heap store's calls leave: the failed attempts that were retried, cancellations and
 * runs again, with their errors cut to the length the store keeps. Read and written under the store's
 * lock.
 */
final class HeapHistory {

	private final Clock clock;

	HeapHistory(Clock clock) {
		this.clock = clock;
	}

	/** Keeps the failed attempt of a recorded retry. */
	void retried(HeapCall entry, Transition.Retry retry) {
		entry.history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.RETRIED, retry.call().attempt() + 1,
				retry.status(), errorType(retry.failure()), errorMessage(retry.failure())));
	}

	/** Marks a running call as cancelled, to end when its attempt returns. */
	void cancelRequested(HeapCall entry) {
		entry.cancelledAt = this.clock.instant();
		entry.history.add(new CallEvent(entry.cancelledAt, CallEvent.Kind.CANCEL_REQUESTED, entry.attempt + 1, null,
				null, null));
	}

	/** Keeps the cancellation that ended a call. */
	void cancelled(HeapCall entry, String message) {
		entry.history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.CANCELLED, entry.attempt + 1,
				DispatchStatus.PERMANENT_ERROR, CallControl.CANCELLED, message));
	}

	/** Keeps the failure of a call about to run again. */
	void ranAgain(HeapCall entry, CallResult failure) {
		entry.history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.RUN_AGAIN, entry.attempt + 1,
				entry.status, errorType(failure), errorMessage(failure)));
	}

	/** The type of a result's error as the store keeps it, or {@code null} without an error. */
	static @Nullable String errorType(@Nullable CallResult result) {
		return (result != null && result.hasError())
				? CallEvent.cut(result.getError().getType(), CallEvent.MAX_TYPE_LENGTH) : null;
	}

	private static @Nullable String errorMessage(CallResult result) {
		return result.hasError() ? CallEvent.cut(result.getError().getMessage(), CallEvent.MAX_MESSAGE_LENGTH) : null;
	}

}
