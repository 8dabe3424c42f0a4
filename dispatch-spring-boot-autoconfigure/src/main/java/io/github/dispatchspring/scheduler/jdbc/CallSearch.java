package io.github.dispatchspring.scheduler.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallOverview;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.CallSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the store's calls for the people watching them: pages of calls newest first, one call with
 * its history, and the overview of the work in hand. The indexes of schema version 5 split the table
 * in two: one index orders the calls not ended, which every transition updates, and the others order
 * the ended calls by time, function, tree and failure, written once per call, when it ends. A page
 * reads each part from its index and merges them.
 */
final class CallSearch {

	private static final String SUMMARY_COLUMNS = "id, function_name, state, status, error_type, parent_id, root_id, "
			+ "created_at, ended_at, attempt, cancelled_at";

	private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

	/** The calls not ended, as the predicate of their index gives them. */
	private static final String ACTIVE = "state IN ('PENDING', 'RUNNING', 'SUSPENDED')";

	private final JdbcTemplate jdbc;

	private final CallHistory history;

	private final Clock clock;

	private final String calls;

	CallSearch(JdbcTemplate jdbc, CallHistory history, Clock clock, String tablePrefix) {
		this.jdbc = jdbc;
		this.history = history;
		this.clock = clock;
		this.calls = tablePrefix + "calls";
	}

	/**
	 * A page of calls: the newest calls not ended and the newest ended calls that the filter selects,
	 * each read from the indexes of their part of the table, merged in the page's order.
	 */
	CallPage calls(CallFilter filter, int limit) {
		CallState state = filter.state();
		List<String> parts = new ArrayList<>();
		if (state == null || !state.ended()) {
			parts.add(ACTIVE + ((state != null) ? " AND state = '" + state.name() + "'" : ""));
		}
		if (state == null || state.ended()) {
			parts.add("state = 'DONE'" + ((state == CallState.SUCCEEDED) ? " AND status = 'OK'"
					: (state == CallState.FAILED) ? " AND status <> 'OK'" : ""));
		}
		StringBuilder criteria = new StringBuilder();
		List<Object> values = new ArrayList<>();
		where(criteria, values, filter);
		List<String> selects = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		for (String part : parts) {
			selects.add("SELECT * FROM (SELECT " + SUMMARY_COLUMNS + " FROM " + this.calls + " WHERE " + part + criteria
					+ " ORDER BY created_at DESC, id DESC LIMIT ?) AS part" + selects.size());
			parameters.addAll(values);
			parameters.add(limit + 1);
		}
		parameters.add(limit + 1);
		String sql = String.join(" UNION ALL ", selects) + " ORDER BY created_at DESC, id DESC LIMIT ?";
		return CallPage.of(this.jdbc.query(sql, (row, i) -> summary(row), parameters.toArray()), limit);
	}

	private static void where(StringBuilder sql, List<Object> parameters, CallFilter filter) {
		if (filter.function() != null) {
			sql.append(" AND function_name = ?");
			parameters.add(filter.function());
		}
		if (filter.createdFrom() != null) {
			sql.append(" AND created_at >= ?");
			parameters.add(filter.createdFrom().toEpochMilli());
		}
		if (filter.createdBefore() != null) {
			sql.append(" AND created_at < ?");
			parameters.add(filter.createdBefore().toEpochMilli());
		}
		if (filter.rootId() != null) {
			sql.append(" AND root_id = ?");
			parameters.add(filter.rootId());
		}
		if (filter.parentId() != null) {
			sql.append(" AND parent_id = ?");
			parameters.add(filter.parentId());
		}
		if (filter.idPrefix() != null) {
			idPrefix(sql, parameters, filter.idPrefix());
		}
		if (filter.after() != null) {
			sql.append(" AND (created_at, id) < (?, ?)");
			parameters.add(filter.after().createdAt().toEpochMilli());
			parameters.add(filter.after().id());
		}
	}

	/**
	 * Selects the ids that start with a prefix: a range of the primary key for a prefix of hexadecimal
	 * digits, as the store's ids are, which every collation orders like their characters; otherwise a
	 * comparison of each id's start.
	 */
	private static void idPrefix(StringBuilder sql, List<Object> parameters, String prefix) {
		if (!HEX.matcher(prefix).matches()) {
			sql.append(" AND SUBSTR(id, 1, ?) = ?");
			parameters.add(prefix.length());
			parameters.add(prefix);
			return;
		}
		sql.append(" AND id >= ?");
		parameters.add(prefix);
		String end = prefix.replaceFirst("f+$", "");
		if (!end.isEmpty()) {
			char last = end.charAt(end.length() - 1);
			sql.append(" AND id < ?");
			parameters.add(end.substring(0, end.length() - 1) + ((last == '9') ? 'a' : (char) (last + 1)));
		}
	}

	@Nullable CallSummary summary(String id) {
		List<CallSummary> found = this.jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM " + this.calls + " WHERE id = ?",
				(row, i) -> summary(row), id);
		return found.isEmpty() ? null : found.get(0);
	}

	@Nullable CallDetails call(String id) {
		List<CallDetails> found = this.jdbc.query("SELECT " + SUMMARY_COLUMNS + ", endpoint, input, result, due_at, "
				+ "expires_at FROM " + this.calls + " WHERE id = ?", (row, i) -> {
					byte[] result = row.getBytes("result");
					return new CallDetails(summary(row), row.getString("endpoint"), CallRows.any(row.getBytes("input")),
							(result != null) ? CallRows.result(result) : null, CallRows.instant(row, "due_at"),
							CallRows.instant(row, "expires_at"), 0, List.of());
				}, id);
		if (found.isEmpty()) {
			return null;
		}
		CallDetails call = found.get(0);
		Long children = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.calls + " WHERE parent_id = ?",
				Long.class, id);
		return new CallDetails(call.summary(), call.endpoint(), call.input(), call.result(), call.dueAt(),
				call.expiresAt(), (children != null) ? children : 0, this.history.of(id));
	}

	CallOverview overview(Instant since) {
		List<CallOverview.Count> active = this.jdbc.query("SELECT state, function_name, COUNT(*) AS calls FROM "
				+ this.calls + " WHERE " + ACTIVE + " GROUP BY state, function_name ORDER BY state, function_name",
				(row, i) -> new CallOverview.Count(state(row.getString("state"), null, null), row.getString("function_name"),
						row.getLong("calls")));
		Map<String, long[]> byFunction = new TreeMap<>();
		Map<Long, long[]> byMinute = new TreeMap<>();
		this.jdbc.query("SELECT function_name, ended_at / 60000 AS minute, CASE WHEN status = 'OK' OR (status IS NULL "
				+ "AND error_type IS NULL) THEN 0 ELSE 1 END AS failed, COUNT(*) AS calls FROM " + this.calls
				+ " WHERE ended_at >= ? GROUP BY function_name, ended_at / 60000, failed", (row) -> {
					int failed = row.getInt("failed");
					long calls = row.getLong("calls");
					byFunction.computeIfAbsent(row.getString("function_name"), (key) -> new long[2])[failed] += calls;
					byMinute.computeIfAbsent(row.getLong("minute"), (key) -> new long[2])[failed] += calls;
				}, since.toEpochMilli());
		List<CallOverview.Count> ended = new ArrayList<>();
		byFunction.forEach((function, calls) -> {
			ended.add(new CallOverview.Count(CallState.SUCCEEDED, function, calls[0]));
			ended.add(new CallOverview.Count(CallState.FAILED, function, calls[1]));
		});
		List<CallOverview.Minute> minutes = new ArrayList<>();
		byMinute.forEach((minute, calls) -> minutes
			.add(new CallOverview.Minute(Instant.ofEpochMilli(minute * 60000), calls[0], calls[1])));
		return new CallOverview(active, ended.stream().filter((count) -> count.calls() > 0).toList(), minutes,
				oldestDue());
	}

	private CallOverview.@Nullable DueCall oldestDue() {
		List<CallOverview.DueCall> due = this.jdbc.query("SELECT id, function_name, due_at FROM " + this.calls
				+ " WHERE due_at BETWEEN 0 AND ? AND state = 'PENDING' ORDER BY due_at LIMIT 1",
				(row, i) -> new CallOverview.DueCall(row.getString("id"), row.getString("function_name"),
						Instant.ofEpochMilli(row.getLong("due_at"))),
				this.clock.millis());
		return due.isEmpty() ? null : due.get(0);
	}

	private static CallSummary summary(ResultSet row) throws SQLException {
		String status = row.getString("status");
		String errorType = row.getString("error_type");
		CallState state = state(row.getString("state"), status, errorType);
		return new CallSummary(row.getString("id"), row.getString("function_name"), state,
				(status != null) ? DispatchStatus.valueOf(status) : null, errorType, row.getString("parent_id"),
				row.getString("root_id"), Instant.ofEpochMilli(row.getLong("created_at")),
				CallRows.instant(row, "ended_at"), row.getInt("attempt"),
				!state.ended() && CallRows.instant(row, "cancelled_at") != null);
	}

	/**
	 * The state of a row: a call that ended before schema version 5 has no status, and counts as
	 * failed only if it has an error type.
	 */
	private static CallState state(String state, @Nullable String status, @Nullable String errorType) {
		return switch (state) {
			case "PENDING" -> CallState.PENDING;
			case "RUNNING" -> CallState.RUNNING;
			case "SUSPENDED" -> CallState.SUSPENDED;
			default -> ("OK".equals(status) || (status == null && errorType == null)) ? CallState.SUCCEEDED
					: CallState.FAILED;
		};
	}

}
