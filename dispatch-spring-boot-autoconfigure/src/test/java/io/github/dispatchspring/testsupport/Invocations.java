package io.github.dispatchspring.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often test functions ran, by a key such as function and input.
 */
public final class Invocations {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	/**
	 * Counts one more invocation.
	 * @param key what ran
	 * @return how often it ran, this time included
	 */
	public int record(String key) {
		return this.counts.computeIfAbsent(key, (ignored) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * How often something ran.
	 * @param key what ran
	 * @return the count, 0 if it never ran
	 */
	public int count(String key) {
		AtomicInteger count = this.counts.get(key);
		return (count != null) ? count.get() : 0;
	}

}
