package io.github.dispatchspring.scheduler;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which calls {@link CallQueries#calls} selects, each criterion left out when {@code null}, and where
 * the page starts.
 *
 * @param function the function's name
 * @param state the state
 * @param createdFrom the earliest creation time, included
 * @param createdBefore the latest creation time, excluded
 * @param rootId the root of the calls' tree
 * @param parentId the call that made them
 * @param idPrefix the start of their dispatch ids
 * @param after the last call of the previous page, or {@code null} for the first page
 */
public record CallFilter(@Nullable String function, @Nullable CallState state, @Nullable Instant createdFrom,
		@Nullable Instant createdBefore, @Nullable String rootId, @Nullable String parentId, @Nullable String idPrefix,
		CallPage.@Nullable Cursor after) {

	/** Every call, from the newest. */
	public static final CallFilter ALL = new CallFilter(null, null, null, null, null, null, null, null);

	/**
	 * The calls a call made, from the newest.
	 * @param parentId the dispatch id of the call
	 * @return the filter
	 */
	public static CallFilter childrenOf(String parentId) {
		return new CallFilter(null, null, null, null, null, parentId, null, null);
	}

	/**
	 * The same calls, from the page after the given call.
	 * @param cursor the last call of the previous page, or {@code null} for the first page
	 * @return the filter
	 */
	public CallFilter after(CallPage.@Nullable Cursor cursor) {
		return new CallFilter(this.function, this.state, this.createdFrom, this.createdBefore, this.rootId,
				this.parentId, this.idPrefix, cursor);
	}

	/**
	 * Whether the filter selects a call, on this page or a later one.
	 * @param call the call
	 * @return {@code true} if it does
	 */
	public boolean matches(CallSummary call) {
		return (this.function == null || this.function.equals(call.function()))
				&& (this.state == null || this.state == call.state())
				&& (this.createdFrom == null || !call.createdAt().isBefore(this.createdFrom))
				&& (this.createdBefore == null || call.createdAt().isBefore(this.createdBefore))
				&& (this.rootId == null || this.rootId.equals(call.rootId()))
				&& (this.parentId == null || this.parentId.equals(call.parentId()))
				&& (this.idPrefix == null || call.id().startsWith(this.idPrefix))
				&& (this.after == null || this.after.precedes(call));
	}

}
