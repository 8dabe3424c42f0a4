package io.github.dispatchspring.scheduler;

import java.time.Instant;

import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

/**
 * A step in a call's history: an attempt that failed and was retried, or an operator's action. The
 * outcome of the last attempt is the call's own result.
 *
 * @param at when it happened
 * @param kind what happened
 * @param attempt the attempt it concerns, counted from 1
 * @param status the status of the failed attempt or of the error replaced by a new run, or {@code null}
 * @param errorType the type of that error, or {@code null}
 * @param errorMessage its message, or {@code null}
 */
public record CallEvent(Instant at, Kind kind, int attempt, @Nullable DispatchStatus status,
		@Nullable String errorType, @Nullable String errorMessage) {

	/** The longest error message kept in a history. */
	public static final int MAX_MESSAGE_LENGTH = 1024;

	/** The longest error type kept. */
	public static final int MAX_TYPE_LENGTH = 256;

	/**
	 * Cuts a text to the given length, for the columns of a history.
	 * @param text the text
	 * @param length the most characters kept
	 * @return the text, cut if longer
	 */
	public static @Nullable String cut(@Nullable String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

	/**
	 * What happened to a call.
	 */
	public enum Kind {

		/** An attempt failed with a status that is retried. */
		RETRIED,

		/** An operator cancelled the call while it ran; it ends when its attempt returns. */
		CANCEL_REQUESTED,

		/** The call was cancelled, by an operator or with an ancestor. */
		CANCELLED,

		/** An operator ran the failed call again; the event keeps the error it had ended with. */
		RUN_AGAIN

	}

}
