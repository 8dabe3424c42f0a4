package io.github.dispatchspring.bench.common;

import java.time.Duration;

/**
 * Gets a system's PostgreSQL sessions to publish their pending statistics before a reading.
 *
 * <p>A session publishes its counters when it ends, or while idle at most once a second; if it
 * published less than a second before going idle, the rest waits for the idle interval (10 s).
 */
@FunctionalInterface
public interface StatisticsFlush {

	Duration IDLE_INTERVAL = Duration.ofSeconds(11);
	Duration SESSION_EXIT = Duration.ofSeconds(1);

	void flush() throws InterruptedException;

	/** Waits for idle sessions to publish; works for any system, at 11 s per reading. */
	static StatisticsFlush idleInterval() {
		return () -> Thread.sleep(IDLE_INTERVAL.toMillis());
	}

	/** Ends the system's idle sessions (for example by evicting its pool) and lets them exit. */
	static StatisticsFlush endingSessions(Runnable endIdleSessions) {
		return () -> {
			endIdleSessions.run();
			Thread.sleep(SESSION_EXIT.toMillis());
		};
	}
}
