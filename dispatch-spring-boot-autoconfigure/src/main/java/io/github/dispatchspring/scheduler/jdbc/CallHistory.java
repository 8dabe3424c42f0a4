package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallEvent;
import io.github.dispatchspring.scheduler.Transition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history of the store's calls: the attempts that failed and were retried, and the actions taken
 * on calls, kept as long as ended calls are. A call that succeeds at its first attempt leaves none.
 */
final class CallHistory {

	private static final String INSERT = " (call_id, at, kind, attempt, status, error_type, error_message) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String history;

	CallHistory(JdbcTemplate jdbc, Clock clock, String tablePrefix) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.history = tablePrefix + "history";
	}

	/**
	 * Keeps the failed attempts of the retries among transitions, in the current transaction.
	 * @param transitions the transitions
	 * @param held for each, whether it was recorded
	 */
	void retried(List<Transition> transitions, List<Boolean> held) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < transitions.size(); i++) {
			if (held.get(i) && transitions.get(i) instanceof Transition.Retry retry) {
				rows.add(row(retry.call().id(), CallEvent.Kind.RETRIED, retry.call().attempt() + 1, retry.status(),
						retry.failure()));
			}
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO " + this.history + INSERT, rows);
		}
	}

	/**
	 * Keeps an event of a call in the current transaction.
	 * @param callId the call
	 * @param kind what happened
	 * @param attempt the attempt it concerns, from 1
	 * @param status the status of the error it concerns, or {@code null}
	 * @param result the result with that error, or {@code null}
	 */
	void add(String callId, CallEvent.Kind kind, int attempt, @Nullable DispatchStatus status,
			@Nullable CallResult result) {
		this.jdbc.update("INSERT INTO " + this.history + INSERT, row(callId, kind, attempt, status, result));
	}

	private Object[] row(String callId, CallEvent.Kind kind, int attempt, @Nullable DispatchStatus status,
			@Nullable CallResult result) {
		boolean error = result != null && result.hasError();
		return new Object[] { callId, this.clock.millis(), kind.name(), attempt, (status != null) ? status.name() : null,
				error ? CallRows.errorType(result) : null,
				error ? CallEvent.cut(result.getError().getMessage(), CallEvent.MAX_MESSAGE_LENGTH) : null };
	}

	/**
	 * The history of a call, oldest first.
	 * @param callId the call
	 * @return its events
	 */
	List<CallEvent> of(String callId) {
		return this.jdbc.query("SELECT at, kind, attempt, status, error_type, error_message FROM " + this.history
				+ " WHERE call_id = ? ORDER BY seq", (row, i) -> {
					String status = row.getString("status");
					return new CallEvent(Instant.ofEpochMilli(row.getLong("at")),
							CallEvent.Kind.valueOf(row.getString("kind")), row.getInt("attempt"),
							(status != null) ? DispatchStatus.valueOf(status) : null, row.getString("error_type"),
							row.getString("error_message"));
				}, callId);
	}

	/**
	 * Deletes the events older than the given time, as ended calls are.
	 * @param before the cutoff
	 */
	void purge(Instant before) {
		this.jdbc.update("DELETE FROM " + this.history + " WHERE at < ?", before.toEpochMilli());
	}

}
