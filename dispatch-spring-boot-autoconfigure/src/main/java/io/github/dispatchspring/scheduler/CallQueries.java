package io.github.dispatchspring.scheduler;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a store tells the people watching its calls: pages of calls by state, function, time and
 * tree, one call with its input, result and history, and an overview of the work in hand and of the
 * last hour. Each answer is read from indexes, so it stays fast on a store holding millions of
 * ended calls.
 */
public interface CallQueries {

	/**
	 * One page of the calls the filter selects, newest first: by creation time, then by id.
	 * @param filter which calls, and where the page starts
	 * @param limit the most calls on the page
	 * @return the page
	 */
	CallPage calls(CallFilter filter, int limit);

	/**
	 * One call as lists show it.
	 * @param id the dispatch id
	 * @return the call, or {@code null} if the store does not hold it
	 */
	@Nullable CallSummary summary(String id);

	/**
	 * One call with its input, its result if it ended, and its history.
	 * @param id the dispatch id
	 * @return the call, or {@code null} if the store does not hold it
	 */
	@Nullable CallDetails call(String id);

	/**
	 * The calls not ended by state and function, the calls ended since the given time by function and
	 * minute, and the call due the longest.
	 * @param since the start of the period whose ended calls are counted
	 * @return the overview
	 */
	CallOverview overview(Instant since);

}
