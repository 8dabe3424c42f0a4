package io.github.dispatchspring.scheduler.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Samples, every 20 ms, how many sessions of a PostgreSQL test database wait for a lock, such as
 * another transaction's row lock.
 */
public final class LockWaits implements AutoCloseable {

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong waiting = new AtomicLong();

	private final AtomicLong active = new AtomicLong();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	private LockWaits(PostgresTestDatabase database) {
		JdbcTemplate maintenance = new JdbcTemplate(database.maintenanceDataSource());
		String query = "SELECT COUNT(*) FILTER (WHERE wait_event_type = 'Lock'), COUNT(*) FILTER (WHERE state = 'active') "
				+ "FROM pg_stat_activity WHERE datname = ?";
		this.sampler.scheduleWithFixedDelay(() -> maintenance.query(query, (row) -> {
			this.waiting.addAndGet(row.getLong(1));
			this.active.addAndGet(row.getLong(2));
			this.samples.incrementAndGet();
		}, database.name()), 0, 20, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts sampling.
	 * @param database the database whose sessions are sampled
	 * @return the running sampler
	 */
	public static LockWaits sample(PostgresTestDatabase database) {
		return new LockWaits(database);
	}

	/**
	 * The mean number of sessions waiting for a lock, and of sessions running a statement.
	 * @return a description of both means
	 */
	public String summary() {
		long count = Math.max(1, this.samples.get());
		return String.format("%.1f sessions waiting for a lock, of %.1f active, on average",
				(double) this.waiting.get() / count, (double) this.active.get() / count);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
