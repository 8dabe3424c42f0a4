package io.github.dispatchspring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a call stands, as the scheduler's store holds it.
 *
 * @param id the call's id
 * @param function the function it runs
 * @param state where it stands
 * @param attempts the attempts that started since it was accepted or last resumed from a gather
 * @param lastErrorType the type of the error of its last failed attempt, or {@code null}
 * @param lastErrorMessage the message of that error, or {@code null}
 * @param createdAt when it was accepted
 * @param endedAt when it ended, or {@code null} before
 * @param outcome the status of its last attempt that ended: the call's outcome once it is
 * {@link State#DONE}, the reason for a retry before; {@code null} before any attempt ended
 */
public record CallStatus(DispatchId id, String function, State state, int attempts, @Nullable String lastErrorType,
		@Nullable String lastErrorMessage, Instant createdAt, @Nullable Instant endedAt,
		@Nullable DispatchStatus outcome) {

	/**
	 * Where a call stands.
	 */
	public enum State {

		/** Waiting for its first attempt or, after a failure, for its retry. */
		PENDING,

		/** An attempt is running. */
		RUNNING,

		/** Waiting for results of the calls it made, or for a sleep to end. */
		SUSPENDED,

		/** Ended, with a result or an error. */
		DONE

	}

}
