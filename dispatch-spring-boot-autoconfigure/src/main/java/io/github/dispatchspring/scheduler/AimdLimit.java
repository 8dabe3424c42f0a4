package io.github.dispatchspring.scheduler;

/**
 * The arithmetic of an adaptive concurrency limit, additive increase and multiplicative decrease: the
 * limit grows by one after a window of as many successes as the limit, counting only the successes
 * of calls that started with the limit fully used, and halves on a throttle. Only a throttle of a call started
 * since the last decrease lowers it, so that the calls that were running together when the endpoint
 * pushed back halve it once, not once each. It stays within its bounds. Not thread-safe.
 */
final class AimdLimit {

	private final int min;

	private final int max;

	private int limit;

	private int successes;

	private long window;

	/**
	 * Creates the limit.
	 * @param initial the limit to start with
	 * @param min the lowest limit, at least 1
	 * @param max the highest limit, at least {@code min}
	 */
	AimdLimit(int initial, int min, int max) {
		if (min < 1 || max < min || initial < min || initial > max) {
			throw new IllegalArgumentException("A concurrency limit needs 1 <= min <= initial <= max, not min " + min
					+ ", initial " + initial + " and max " + max);
		}
		this.min = min;
		this.max = max;
		this.limit = initial;
	}

	/**
	 * The limit now.
	 * @return the most calls running at once
	 */
	int limit() {
		return this.limit;
	}

	/**
	 * The window calls starting now belong to: it changes on every decrease.
	 * @return the window
	 */
	long window() {
		return this.window;
	}

	/**
	 * Counts a success of a call.
	 * @param saturated whether the limit was fully used when the call started
	 * @return whether the limit changed
	 */
	boolean succeeded(boolean saturated) {
		if (!saturated || this.limit == this.max) {
			return false;
		}
		if (++this.successes < this.limit) {
			return false;
		}
		this.successes = 0;
		this.limit++;
		return true;
	}

	/**
	 * Counts a throttle of a call.
	 * @param startedIn the window the call started in
	 * @return whether the limit changed
	 */
	boolean throttled(long startedIn) {
		if (startedIn != this.window) {
			return false;
		}
		this.window++;
		this.successes = 0;
		int halved = Math.max(this.min, this.limit / 2);
		boolean changed = halved != this.limit;
		this.limit = halved;
		return changed;
	}

}
