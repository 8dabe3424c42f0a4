package io.github.dispatchspring.documentation.examples;

import java.time.Duration;
import java.util.List;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

/**
 * A function that sleeps durably.
 */
class Reminders {

	private final DispatchClient client;

	Reminders(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public void remind(String userId) {
		client.gather("sendWelcome", List.of(userId), Void.class);
		client.sleep(Duration.ofDays(3));                        // survives restarts, holds no thread
		client.gather("sendTips", List.of(userId), Void.class);
	}

}
