package io.github.dispatchspring.scheduler.jdbc;

import java.util.Arrays;

import io.github.dispatchspring.scheduler.NewCall;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts a call unless another holds its idempotency key, which a unique index on the key enforces
 * across instances: a second insert waits for the first to commit, then inserts nothing.
 */
final class IdempotentInserts {

	private final JdbcTemplate jdbc;

	private final String calls;

	IdempotentInserts(JdbcTemplate jdbc, String tablePrefix) {
		this.jdbc = jdbc;
		this.calls = tablePrefix + "calls";
	}

	String insertOnce(NewCall call, String idempotencyKey) {
		Object[] row = CallRows.insertParameters(call);
		Object[] parameters = Arrays.copyOf(row, row.length + 1);
		parameters[row.length] = idempotencyKey;
		this.jdbc.update("INSERT INTO " + this.calls + " (id, function_name, endpoint, input, parent_id, root_id, "
				+ "correlation_id, deliver_to_parent, created_at, expires_at, trace_context, due_at, idempotency_key, "
				+ "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') ON CONFLICT DO NOTHING", parameters);
		return this.jdbc.queryForObject("SELECT id FROM " + this.calls + " WHERE idempotency_key = ?", String.class,
				idempotencyKey);
	}

}
