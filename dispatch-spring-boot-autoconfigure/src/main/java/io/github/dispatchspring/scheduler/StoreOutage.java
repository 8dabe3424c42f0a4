package io.github.dispatchspring.scheduler;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tracks an episode of the store failing, as seen by the claim loop and the workers alike: logs its
 * start and its end once each and paces the retries with a backoff.
 */
public final class StoreOutage {

	private static final Log logger = LogFactory.getLog(StoreOutage.class);

	private final IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2,
			0.5, Duration.ofSeconds(5));

	private volatile int failures;

	synchronized Duration failed(Throwable ex) {
		this.failures++;
		if (this.failures == 1) {
			logger.error("The Dispatch call store failed; the scheduler keeps retrying until it is back", ex);
		}
		return Duration.ofMillis(this.backoff.apply(this.failures));
	}

	void succeeded() {
		if (this.failures > 0) {
			ended();
		}
	}

	private synchronized void ended() {
		if (this.failures > 0) {
			logger.info("The Dispatch call store is back after " + this.failures + " failed attempts");
			this.failures = 0;
		}
	}

}
