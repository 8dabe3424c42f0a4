package io.github.dispatchspring.samples.notify;

import java.time.Duration;
import java.util.List;

import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At startup, dispatches one {@code notifyUser} call per user in one batch, without waiting. With
 * {@code notify-users.exit-when-done} it then waits for the calls, reports and exits.
 */
@Component
public class NotifyAllUsers implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(NotifyAllUsers.class);

	private final DispatchClient client;

	private final UserDirectory users;

	private final Notifications notifications;

	private final ConfigurableApplicationContext context;

	private final boolean exitWhenDone;

	public NotifyAllUsers(DispatchClient client, UserDirectory users, Notifications notifications,
			ConfigurableApplicationContext context, @Value("${notify-users.exit-when-done:false}") boolean exitWhenDone) {
		this.client = client;
		this.users = users;
		this.notifications = notifications;
		this.context = context;
		this.exitWhenDone = exitWhenDone;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		DispatchBatch batch = this.client.batch();
		this.users.userIds().forEach((userId) -> batch.add("notifyUser", userId));
		List<DispatchId> ids = batch.dispatch();
		logger.info("Dispatched {} notifications", ids.size());
		if (this.exitWhenDone) {
			ids.forEach((id) -> this.client.await(id, Void.class, Duration.ofMinutes(5)));
			int attempts = this.notifications.attempts().values().stream().mapToInt((count) -> count.get()).sum();
			logger.info("Notified {} users: {} calls, {} attempts, {} ms", this.notifications.delivered().size(),
					ids.size(), attempts, (System.nanoTime() - start) / 1_000_000);
			System.exit(SpringApplication.exit(this.context));
		}
	}

}
