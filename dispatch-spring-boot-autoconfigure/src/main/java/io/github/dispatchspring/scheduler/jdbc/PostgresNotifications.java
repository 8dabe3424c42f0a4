package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.resilience4j.core.IntervalFunction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on a PostgreSQL channel with {@code LISTEN} on a connection of its own, and reconnects
 * with a backoff when the database goes away.
 */
final class PostgresNotifications implements AutoCloseable, Runnable {

	private static final Log logger = LogFactory.getLog(PostgresNotifications.class);

	private static final int WAIT_MILLIS = 1000;

	private final DataSource dataSource;

	private final String channel;

	private final Runnable onNotification;

	private final IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2, 0.5,
			Duration.ofSeconds(5));

	private final Thread thread;

	private volatile boolean running = true;

	private PostgresNotifications(DataSource dataSource, String channel, Runnable onNotification) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.onNotification = onNotification;
		this.thread = new Thread(this, "dispatch-notifications");
		this.thread.setDaemon(true);
	}

	static PostgresNotifications listen(DataSource dataSource, String channel, Runnable onNotification) {
		PostgresNotifications notifications = new PostgresNotifications(dataSource, channel, onNotification);
		notifications.thread.start();
		return notifications;
	}

	@Override
	public void run() {
		int failures = 0;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN \"" + this.channel + "\"");
				}
				if (failures > 0) {
					logger.info("Listening for Dispatch wake-ups on '" + this.channel + "' again");
				}
				failures = 0;
				PGConnection listener = connection.unwrap(PGConnection.class);
				this.onNotification.run();
				while (this.running) {
					PGNotification[] notifications = listener.getNotifications(WAIT_MILLIS);
					if (notifications != null && notifications.length > 0) {
						this.onNotification.run();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				failures++;
				if (failures == 1) {
					logger.warn("Lost the Dispatch wake-up channel '" + this.channel + "'; polling until it is back: "
							+ ex.getMessage());
				}
				sleep(this.backoff.apply(failures));
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
