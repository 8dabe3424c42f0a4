package io.github.dispatchspring.scheduler.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The concurrency and rate limits of functions, judged in the transaction of a claim: how many calls
 * of a function run now, across every instance sharing the database, and how many started within the
 * period of its rate limit. On PostgreSQL a claim counts and leases the calls of a limited function
 * only while it holds a lock of that function for the rest of its transaction, so that two instances
 * never both fill the same free slots; an instance that finds the lock taken leaves the function to
 * the claim holding it. On a database of a single instance, claims already take turns.
 */
final class FunctionLimits {

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final String prefix;

	private final String calls;

	private final String starts;

	FunctionLimits(JdbcTemplate jdbc, SqlDialect dialect, String tablePrefix) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.prefix = tablePrefix;
		this.calls = tablePrefix + "calls";
		this.starts = tablePrefix + "starts";
	}

	/**
	 * How many calls of a limited function may start now, in the current transaction: none if another
	 * claim is leasing calls of the function.
	 * @param limited the function and its limits
	 * @param now the time, in milliseconds since the epoch
	 * @return how many may start
	 */
	int allowance(FlowControl.Limited limited, long now) {
		if (!locked(limited.function())) {
			return 0;
		}
		long running = (limited.concurrency() > 0) ? this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.calls
				+ " WHERE function_name = ? AND due_at > ? AND state = 'RUNNING'", Long.class, limited.function(), now)
				: 0;
		FunctionPolicy.RateLimit rateLimit = limited.rateLimit();
		long recentStarts = (rateLimit != null) ? this.jdbc.queryForObject("SELECT COALESCE(SUM(starts), 0) FROM "
				+ this.starts + " WHERE function_name = ? AND started_at > ?", Long.class, limited.function(),
				now - rateLimit.period().toMillis()) : 0;
		return limited.allowance(running, recentStarts);
	}

	/**
	 * Records that calls of a limited function started, in the current transaction, and forgets the
	 * starts that no longer count.
	 * @param limited the function and its limits
	 * @param count how many started
	 * @param now the time, in milliseconds since the epoch
	 */
	void started(FlowControl.Limited limited, int count, long now) {
		FunctionPolicy.RateLimit rateLimit = limited.rateLimit();
		if (rateLimit == null || count == 0) {
			return;
		}
		this.jdbc.update("DELETE FROM " + this.starts + " WHERE function_name = ? AND started_at <= ?",
				limited.function(), now - rateLimit.period().toMillis());
		this.jdbc.update("INSERT INTO " + this.starts + " (function_name, started_at, starts) VALUES (?, ?, ?)",
				limited.function(), now, count);
	}

	/**
	 * Takes the function's lock for the rest of the transaction on PostgreSQL, without waiting for it,
	 * so that claims of several instances never wait for each other, in whatever order they take the
	 * locks of functions.
	 */
	private boolean locked(String function) {
		if (!this.dialect.shared()) {
			return true;
		}
		long key = UUID.nameUUIDFromBytes((this.prefix + "function:" + function).getBytes(StandardCharsets.UTF_8))
			.getMostSignificantBits();
		return Boolean.TRUE.equals(
				this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key));
	}

}
