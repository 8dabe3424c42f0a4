package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of calls, newest first, and where the next page starts.
 *
 * @param calls the calls
 * @param next where the next page starts, or {@code null} on the last page
 */
public record CallPage(List<CallSummary> calls, @Nullable Cursor next) {

	public CallPage {
		calls = List.copyOf(calls);
	}

	/**
	 * The page that a query of at most {@code limit} calls gives, from {@code limit + 1} calls read.
	 * @param read the calls read, newest first, at most one more than the limit
	 * @param limit the most calls on a page
	 * @return the page
	 */
	public static CallPage of(List<CallSummary> read, int limit) {
		if (read.size() <= limit) {
			return new CallPage(read, null);
		}
		List<CallSummary> calls = read.subList(0, limit);
		return new CallPage(calls, Cursor.of(calls.get(limit - 1)));
	}

	/**
	 * The position of a call in the order of pages: its creation time, then its id.
	 *
	 * @param createdAt the call's creation time
	 * @param id the call's dispatch id
	 */
	public record Cursor(Instant createdAt, String id) {

		/** The order of pages: newest first, by creation time, then by id. */
		public static final Comparator<CallSummary> NEWEST_FIRST = Comparator.comparing(CallSummary::createdAt)
			.thenComparing(CallSummary::id)
			.reversed();

		/**
		 * The position of a call.
		 * @param call the call
		 * @return its position
		 */
		public static Cursor of(CallSummary call) {
			return new Cursor(call.createdAt(), call.id());
		}

		/**
		 * Reads a position written by {@link #toString()}.
		 * @param text the position as text
		 * @return the position
		 * @throws IllegalArgumentException if the text is not a position
		 */
		public static Cursor parse(String text) {
			int separator = text.indexOf('.');
			if (separator < 1 || separator == text.length() - 1) {
				throw new IllegalArgumentException("'" + text + "' is not a position in a list of calls");
			}
			try {
				return new Cursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, separator))),
						text.substring(separator + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + text + "' is not a position in a list of calls", ex);
			}
		}

		/**
		 * Whether a call comes after this position, newest first.
		 * @param call the call
		 * @return {@code true} if it is on a later page
		 */
		public boolean precedes(CallSummary call) {
			int byTime = call.createdAt().compareTo(this.createdAt);
			return byTime < 0 || (byTime == 0 && call.id().compareTo(this.id) < 0);
		}

		@Override
		public String toString() {
			return this.createdAt.toEpochMilli() + "." + this.id;
		}

	}

}
