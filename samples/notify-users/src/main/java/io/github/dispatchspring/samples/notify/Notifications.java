package io.github.dispatchspring.samples.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.DispatchFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends notifications. The mail relay of one user fails the first time, to show that only that call
 * is retried.
 */
@Component
public class Notifications {

	static final String FLAKY_USER = "user-042";

	private static final Logger logger = LoggerFactory.getLogger(Notifications.class);

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

	@DispatchFunction
	public void notifyUser(String userId) {
		int attempt = this.attempts.computeIfAbsent(userId, (id) -> new AtomicInteger()).incrementAndGet();
		if (userId.equals(FLAKY_USER) && attempt == 1) {
			throw new UncheckedIOException(new IOException("mail relay unavailable for " + userId));
		}
		this.delivered.computeIfAbsent(userId, (id) -> new AtomicInteger()).incrementAndGet();
		logger.info("Notified {} (attempt {})", userId, attempt);
	}

	/** How many times each user's notification ran. */
	public Map<String, AtomicInteger> attempts() {
		return this.attempts;
	}

	/** How many notifications each user received. */
	public Map<String, AtomicInteger> delivered() {
		return this.delivered;
	}

}
