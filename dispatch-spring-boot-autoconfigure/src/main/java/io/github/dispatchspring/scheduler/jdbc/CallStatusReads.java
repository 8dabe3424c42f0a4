package io.github.dispatchspring.scheduler.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads where calls stand: their state, attempts, last error and outcome.
 */
final class CallStatusReads {

	private final JdbcTemplate jdbc;

	private final String calls;

	CallStatusReads(JdbcTemplate jdbc, String tablePrefix) {
		this.jdbc = jdbc;
		this.calls = tablePrefix + "calls";
	}

	@Nullable CallStatus status(String id) {
		List<CallStatus> statuses = this.jdbc.query("SELECT id, function_name, state, attempt, last_error_type, "
				+ "last_error_message, created_at, ended_at, last_status FROM " + this.calls + " WHERE id = ?",
				(row, i) -> status(row), id);
		return statuses.isEmpty() ? null : statuses.get(0);
	}

	private static CallStatus status(ResultSet row) throws SQLException {
		CallStatus.State state = CallStatus.State.valueOf(row.getString("state"));
		int attempts = row.getInt("attempt") + ((state == CallStatus.State.PENDING) ? 0 : 1);
		long endedAt = row.getLong("ended_at");
		Instant ended = row.wasNull() ? null : Instant.ofEpochMilli(endedAt);
		String outcome = row.getString("last_status");
		return new CallStatus(new DispatchId(row.getString("id")), row.getString("function_name"), state, attempts,
				row.getString("last_error_type"), row.getString("last_error_message"),
				Instant.ofEpochMilli(row.getLong("created_at")), ended,
				(outcome != null) ? DispatchStatus.valueOf(outcome) : null);
	}

	Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		Map<String, DispatchStatus> outcomes = new HashMap<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CallRows.CHUNK)) {
			this.jdbc.query("SELECT id, last_status FROM " + this.calls + " WHERE state = 'DONE' AND last_status IS NOT "
					+ "NULL AND id IN (" + CallRows.placeholders(chunk.size()) + ")",
					(row) -> {
						outcomes.put(row.getString("id"), DispatchStatus.valueOf(row.getString("last_status")));
					}, chunk.toArray());
		}
		return outcomes;
	}

}
