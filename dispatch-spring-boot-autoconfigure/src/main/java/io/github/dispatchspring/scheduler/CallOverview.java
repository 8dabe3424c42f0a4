package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The work a store holds: the calls not ended by state and function, the calls ended in a recent
 * period by function and by minute, and the call due the longest.
 *
 * @param active counts of the calls not ended, by state and function
 * @param ended counts of the calls ended in the period, by function and outcome
 * @param minutes the calls ended in each minute of the period that had any, oldest first
 * @param oldestDue the pending call due the longest, or {@code null} when none is due
 */
public record CallOverview(List<Count> active, List<Count> ended, List<Minute> minutes, @Nullable DueCall oldestDue) {

	public CallOverview {
		active = List.copyOf(active);
		ended = List.copyOf(ended);
		minutes = List.copyOf(minutes);
	}

	/**
	 * How many calls of a function are in a state.
	 *
	 * @param state the state
	 * @param function the function's name
	 * @param calls how many
	 */
	public record Count(CallState state, String function, long calls) {
	}

	/**
	 * The calls ended in one minute.
	 *
	 * @param start the start of the minute
	 * @param succeeded how many ended with a result
	 * @param failed how many ended with an error
	 */
	public record Minute(Instant start, long succeeded, long failed) {
	}

	/**
	 * A pending call that is due.
	 *
	 * @param id the dispatch id
	 * @param function the function's name
	 * @param dueAt since when it is due
	 */
	public record DueCall(String id, String function, Instant dueAt) {
	}

}
