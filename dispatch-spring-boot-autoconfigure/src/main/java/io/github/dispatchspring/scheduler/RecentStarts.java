package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The starts of the calls of rate-limited functions in the heap store, kept as long as they count:
 * a start counts within the period that follows it. Read and written under the store's lock.
 */
final class RecentStarts {

	private final Map<String, Deque<Instant>> byFunction = new HashMap<>();

	/**
	 * How many calls of a function started within the period before now, forgetting older starts.
	 * @param function the function
	 * @param now the time
	 * @param period the period of its rate limit
	 * @return the starts after {@code now - period}
	 */
	int count(String function, Instant now, Duration period) {
		Deque<Instant> starts = this.byFunction.get(function);
		if (starts == null) {
			return 0;
		}
		Instant since = now.minus(period);
		while (!starts.isEmpty() && !starts.peekFirst().isAfter(since)) {
			starts.pollFirst();
		}
		return starts.size();
	}

	/**
	 * Records that calls of a function started.
	 * @param function the function
	 * @param now the time they started
	 * @param count how many started
	 */
	void started(String function, Instant now, int count) {
		Deque<Instant> starts = this.byFunction.computeIfAbsent(function, (name) -> new ArrayDeque<>());
		for (int i = 0; i < count; i++) {
			starts.addLast(now);
		}
	}

}
