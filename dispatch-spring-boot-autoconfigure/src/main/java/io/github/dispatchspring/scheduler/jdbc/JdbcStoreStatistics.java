package io.github.dispatchspring.scheduler.jdbc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.StoreStatistics;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics of a {@link JdbcCallStore}'s tables. The backlog reads the index of due times, which
 * holds the calls that have not ended (every pending and running call, and the suspended calls that
 * wait with a deadline or whose results arrived); the counts by state read the whole table.
 */
public final class JdbcStoreStatistics implements StoreStatistics {

	private final JdbcTemplate jdbc;

	private final String calls;

	/**
	 * Creates the statistics of a store's tables.
	 * @param dataSource the store's database
	 * @param tablePrefix the prefix of the table names
	 */
	public JdbcStoreStatistics(DataSource dataSource, String tablePrefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.calls = StoreSchema.checkedPrefix(tablePrefix) + "calls";
	}

	@Override
	public Backlog backlog(Instant now) {
		long millis = now.toEpochMilli();
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN due_at <= ? THEN 1 ELSE 0 END), 0) AS due, "
				+ "MIN(CASE WHEN due_at <= ? THEN due_at END) AS oldest_due, "
				+ "COALESCE(SUM(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END), 0) AS leased FROM " + this.calls
				+ " WHERE due_at IS NOT NULL", (row, i) -> {
					long oldestDue = row.getLong("oldest_due");
					Instant oldest = row.wasNull() ? null : Instant.ofEpochMilli(oldestDue);
					return new Backlog(row.getLong("due"), oldest, row.getLong("leased"));
				}, millis, millis);
	}

	@Override
	public Counts counts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query("SELECT state, COUNT(*) AS calls FROM " + this.calls + " GROUP BY state",
				(row) -> {
					counts.put(row.getString("state"), row.getLong("calls"));
				});
		return new Counts(counts.getOrDefault("PENDING", 0L), counts.getOrDefault("RUNNING", 0L),
				counts.getOrDefault("SUSPENDED", 0L), counts.getOrDefault("DONE", 0L));
	}

}
