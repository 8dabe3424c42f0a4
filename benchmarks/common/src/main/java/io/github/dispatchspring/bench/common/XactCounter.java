package io.github.dispatchspring.bench.common;

import java.sql.SQLException;

/**
 * Reads {@code pg_stat_database.xact_commit} of one database. Sessions publish their counters
 * late (see {@link StatisticsFlush}), so every reading first flushes them. Readings made from the
 * measured database itself are subtracted from the count.
 */
public final class XactCounter implements TransactionMeter {

	private static final String QUERY =
			"SELECT xact_commit FROM pg_stat_database WHERE datname = ?";

	private final PostgresConnection observer;
	private final StatisticsFlush flush;
	private final String databaseName;
	private final boolean observerInDatabase;
	private long readings;

	public XactCounter(
			PostgresConnection observer, PostgresConnection measured, StatisticsFlush flush) {
		try {
			this.observer = observer;
			this.flush = flush;
			this.databaseName = measured.databaseName();
			this.observerInDatabase = databaseName.equals(observer.databaseName());
		} catch (SQLException e) {
			throw new IllegalStateException("cannot reach " + measured.jdbcUrl(), e);
		}
	}

	/** The current {@code xact_commit} of the database, after the statistics were flushed. */
	public long read() {
		flushStatistics();
		try (var connection = observer.open();
				var statement = connection.prepareStatement(QUERY)) {
			statement.setString(1, databaseName);
			try (var rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("no pg_stat_database row for " + databaseName);
				}
				readings++;
				return rows.getLong(1);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read xact_commit of " + databaseName, e);
		}
	}

	@Override
	public synchronized long start() {
		readings = 0;
		return read();
	}

	@Override
	public synchronized long committedSince(long start) {
		long ownReadings = observerInDatabase ? readings : 0;
		return read() - start - ownReadings;
	}

	private void flushStatistics() {
		try {
			flush.flush();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for statistics", e);
		}
	}
}
