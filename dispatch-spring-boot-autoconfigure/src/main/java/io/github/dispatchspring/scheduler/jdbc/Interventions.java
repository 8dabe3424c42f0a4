package io.github.dispatchspring.scheduler.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallControl;
import io.github.dispatchspring.scheduler.CallEvent;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Intervention;
import io.github.dispatchspring.scheduler.Transition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator's actions on the store's calls: cancelling a call and its descendants, running a failed
 * call again, and ending the cancelled running calls when their attempts return.
 * <p>
 * Fencing: pending and suspended calls end at once, in the transaction that cancels them. A running
 * call is only marked: a worker's transition of a marked call is refused, and the lease the worker
 * still holds ends the call as cancelled instead, so that the call ends once, with the lease that ran
 * it. On PostgreSQL the rows of the tree are locked in the order of their ids, with the cancelled
 * call's parent, as transitions lock them; once they are locked no call of the tree can make new
 * calls, so the tree is read a second time to take in the calls made while it was first read.
 */
final class Interventions {

	private static final String COLUMNS = "id, state, parent_id, deliver_to_parent, correlation_id, attempt, "
			+ "cancelled_at";

	private static final String END = "state = 'DONE', result = ?, status = 'PERMANENT_ERROR', error_type = '"
			+ CallControl.CANCELLED + "', due_at = NULL, coroutine_state = NULL, inbox_count = 0, ended_at = ?, "
			+ "lease_token = NULL, lease_owner = NULL, last_status = 'PERMANENT_ERROR', last_error_type = '"
			+ CallControl.CANCELLED + "', last_error_message = ?";

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final WriteTransactions writes;

	private final Inboxes inboxes;

	private final CallTransitions transitions;

	private final CallHistory history;

	private final Clock clock;

	private final String calls;

	Interventions(JdbcTemplate jdbc, SqlDialect dialect, WriteTransactions writes, Inboxes inboxes,
			CallTransitions transitions, CallHistory history, Clock clock, String tablePrefix) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.writes = writes;
		this.inboxes = inboxes;
		this.transitions = transitions;
		this.history = history;
		this.clock = clock;
		this.calls = tablePrefix + "calls";
	}

	/**
	 * Cancels a call and its descendants in a write transaction of their own.
	 * @param id the call
	 * @return what was done
	 */
	Intervention cancel(String id) {
		return this.writes.write(() -> {
			List<Row> target = rows("SELECT " + COLUMNS + " FROM " + this.calls + " WHERE id = ?", id);
			if (target.isEmpty()) {
				return Intervention.unknown(id);
			}
			Row call = target.get(0);
			if (call.state().equals("DONE")) {
				return Intervention.refused(CallControl.ENDED);
			}
			if (call.state().equals("RUNNING") && call.cancelled()) {
				return Intervention.refused(CallControl.CANCELLING);
			}
			List<Row> tree = tree(id, call.parentId());
			if (this.dialect.shared()) {
				tree = tree(id, call.parentId());
			}
			return cancel(id, tree);
		});
	}

	private Intervention cancel(String id, List<Row> tree) {
		Set<String> ending = new HashSet<>();
		int stopping = 0;
		for (Row row : tree) {
			if (row.state().equals("RUNNING") && !row.cancelled()) {
				this.jdbc.update("UPDATE " + this.calls + " SET cancelled_at = ? WHERE id = ?", this.clock.millis(),
						row.id());
				this.history.add(row.id(), CallEvent.Kind.CANCEL_REQUESTED, row.attempt() + 1, null, null);
				stopping++;
			}
			else if (row.state().equals("PENDING") || row.state().equals("SUSPENDED")) {
				ending.add(row.id());
			}
		}
		boolean due = false;
		for (Row row : tree) {
			if (ending.contains(row.id())) {
				CallResult result = CallControl.cancelledResult(row.id(), row.correlationId(),
						CallControl.cancelMessage(row.id(), id));
				this.jdbc.update("UPDATE " + this.calls + " SET " + END + " WHERE id = ?", result.toByteArray(),
						this.clock.millis(), result.getError().getMessage(), row.id());
				boolean deliver = row.deliverToParent() && !ending.contains(row.parentId());
				due |= ended(row.id(), row.attempt(), result, deliver ? row.parentId() : null);
			}
		}
		if (due) {
			this.writes.notifyDue();
		}
		return Intervention.applied(ending.size(), stopping);
	}

	/**
	 * The calls of a tree that have not ended, found through their parents, without the parent of its
	 * root, which is read only to be locked along with them; on PostgreSQL locked in the order of
	 * their ids.
	 */
	private List<Row> tree(String id, @Nullable String parentId) {
		String lock = this.dialect.shared() ? " ORDER BY c.id COLLATE \"C\" FOR UPDATE OF c" : "";
		return rows("WITH RECURSIVE tree(id) AS (SELECT id FROM " + this.calls + " WHERE id = ? UNION ALL SELECT "
				+ "child.id FROM " + this.calls + " child JOIN tree ON child.parent_id = tree.id) SELECT c."
				+ COLUMNS.replace(", ", ", c.") + " FROM " + this.calls + " c WHERE (c.id IN (SELECT id FROM tree) "
				+ "OR c.id = ?) AND c.state <> 'DONE'" + lock, id, (parentId != null) ? parentId : "")
			.stream()
			.filter((row) -> !row.id().equals(parentId))
			.toList();
	}

	/**
	 * Ends the cancelled running calls whose transitions were refused, with the leases they still
	 * hold, in the transaction of the transitions.
	 * @param transitions the transitions
	 * @param held for each, whether it was recorded
	 * @return whether a parent became due
	 */
	boolean endCancelled(List<Transition> transitions, List<Boolean> held) {
		boolean due = false;
		for (int i = 0; i < transitions.size(); i++) {
			ClaimedCall call = transitions.get(i).call();
			if (held.get(i)) {
				continue;
			}
			CallResult result = CallControl.cancelledResult(call.id(), call.call().correlationId(),
					CallControl.CANCELLED_WHILE_RUNNING);
			if (this.jdbc.update("UPDATE " + this.calls + " SET " + END + " WHERE id = ? AND lease_token = ? "
					+ "AND state = 'RUNNING' AND cancelled_at IS NOT NULL", result.toByteArray(), this.clock.millis(),
					result.getError().getMessage(), call.id(), call.leaseToken()) > 0) {
				due |= ended(call.id(), call.attempt(), result,
						call.call().deliverToParent() ? call.call().parentId() : null);
			}
		}
		return due;
	}

	/** Clears the inbox of a cancelled call, keeps its end in its history, and delivers its result. */
	private boolean ended(String id, int attempt, CallResult result, @Nullable String parentId) {
		this.inboxes.clear(id);
		this.history.add(id, CallEvent.Kind.CANCELLED, attempt + 1, DispatchStatus.PERMANENT_ERROR, result);
		return parentId != null && this.inboxes.deliver(parentId, id, result) && this.transitions.dueIfReady(parentId);
	}

	/**
	 * Runs a failed call again in a write transaction of its own.
	 * @param id the call
	 * @return what was done
	 */
	Intervention runAgain(String id) {
		String lock = this.dialect.shared() ? " FOR UPDATE" : "";
		return this.writes.write(() -> {
			List<Ended> found = this.jdbc.query("SELECT state, parent_id, deliver_to_parent, attempt, result, status FROM "
					+ this.calls + " WHERE id = ?" + lock, (row, i) -> Ended.of(row), id);
			if (found.isEmpty()) {
				return Intervention.unknown(id);
			}
			Ended call = found.get(0);
			if (call.result() == null || !call.result().hasError()) {
				return Intervention.refused(CallControl.NOT_FAILED);
			}
			if (call.parentId() != null && !this.jdbc.queryForList("SELECT id FROM " + this.calls
					+ " WHERE id = ? AND state <> 'DONE'" + lock, String.class, call.parentId()).isEmpty()) {
				return Intervention.refused(CallControl.parentWaiting(call.parentId()));
			}
			this.history.add(id, CallEvent.Kind.RUN_AGAIN, call.attempt() + 1, call.status(), call.result());
			this.jdbc.update("UPDATE " + this.calls + " SET state = 'PENDING', due_at = ?, result = NULL, status = NULL, "
					+ "error_type = NULL, ended_at = NULL, cancelled_at = NULL, attempt = 0 WHERE id = ?",
					this.clock.millis(), id);
			this.writes.notifyDue();
			return Intervention.applied(0, 0);
		});
	}

	private List<Row> rows(String sql, Object... parameters) {
		return this.jdbc.query(sql, (row, i) -> new Row(row.getString("id"), row.getString("state"),
				row.getString("parent_id"), row.getBoolean("deliver_to_parent"), row.getLong("correlation_id"),
				row.getInt("attempt"), CallRows.instant(row, "cancelled_at") != null), parameters);
	}

	/** A call not ended as an action reads it. */
	private record Row(String id, String state, @Nullable String parentId, boolean deliverToParent,
			long correlationId, int attempt, boolean cancelled) {
	}

	/**
	 * A call as running it again reads it: its result, if it ended, and the parent its result went to.
	 */
	private record Ended(@Nullable CallResult result, DispatchStatus status, @Nullable String parentId, int attempt) {

		static Ended of(ResultSet row) throws SQLException {
			byte[] result = row.getBytes("result");
			String status = row.getString("status");
			boolean ended = row.getString("state").equals("DONE");
			return new Ended((ended && result != null) ? CallRows.result(result) : null,
					(status != null) ? DispatchStatus.valueOf(status) : DispatchStatus.PERMANENT_ERROR,
					row.getBoolean("deliver_to_parent") ? row.getString("parent_id") : null, row.getInt("attempt"));
		}

	}

}
