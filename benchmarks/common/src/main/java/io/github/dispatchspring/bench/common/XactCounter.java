package io.github.dispatchspring.bench.common;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Reads {@code pg_stat_database.xact_commit} of one database. PostgreSQL backends publish their
 * counters at most once a second, so every reading first waits for that to happen. Readings made
 * from the measured database itself are subtracted from the count.
 */
public final class XactCounter implements TransactionMeter {

  private static final Duration STATISTICS_FLUSH_WAIT = Duration.ofMillis(1_500);
  private static final String QUERY =
      "SELECT xact_commit FROM pg_stat_database WHERE datname = ?";

  private final PostgresConnection observer;
  private final String databaseName;
  private final boolean observerInDatabase;
  private long readings;

  public XactCounter(PostgresConnection observer, PostgresConnection measured) {
    try {
      this.observer = observer;
      this.databaseName = measured.databaseName();
      this.observerInDatabase = databaseName.equals(observer.databaseName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach " + measured.jdbcUrl(), e);
    }
  }

  /** The current {@code xact_commit} of the database, after the statistics settled. */
  public long read() {
    sleep(STATISTICS_FLUSH_WAIT);
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for statistics", e);
    }
  }
}
