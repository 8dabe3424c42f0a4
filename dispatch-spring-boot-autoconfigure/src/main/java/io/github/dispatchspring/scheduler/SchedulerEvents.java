package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;

/**
 * What the scheduler tells of its work as it goes, for metrics: the calls it accepts, the attempts it
 * runs, retries and ends, and the store's group commits. It is called on the scheduler's threads and
 * on those that dispatch calls, and must be quick and never throw. Every method does nothing by
 * default.
 */
public interface SchedulerEvents {

	/** Tells nothing. */
	SchedulerEvents NONE = new SchedulerEvents() {
	};

	/**
	 * Calls were written to the store: dispatched by a client or through the Dispatch API, or asked for
	 * by a function waiting for them. Calls the store held already, which a retried run asks for again,
	 * are among them.
	 * @param calls the calls
	 */
	default void accepted(List<NewCall> calls) {
	}

	/**
	 * An attempt of a call ran.
	 * @param call the leased call, {@link ClaimedCall#attempt()} attempts after its acceptance, its last
	 * suspension or its last tail call
	 * @param startedAt when the attempt started
	 * @param took how long it ran
	 * @param status the status of its response
	 */
	default void attempted(ClaimedCall call, Instant startedAt, Duration took, DispatchStatus status) {
	}

	/**
	 * A failed attempt was recorded, and the call runs again after a backoff.
	 * @param call the leased call
	 * @param status the status it failed with
	 */
	default void retried(ClaimedCall call, DispatchStatus status) {
	}

	/**
	 * A call ended: its result is recorded.
	 * @param call the leased call
	 * @param status the status it ended with
	 * @param endedAt when its result was recorded
	 */
	default void ended(ClaimedCall call, DispatchStatus status, Instant endedAt) {
	}

	/**
	 * The store recorded transitions of calls in one commit.
	 * @param transitions how many
	 * @param took how long the commit took
	 */
	default void committed(int transitions, Duration took) {
	}

}
