package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the store's calls: inserts new ones and applies the transitions of leased ones, each guarded
 * by its lease token, delivering a completed call's result to its parent's inbox. A transition whose
 * lease was lost changes nothing and does not affect the others.
 */
final class CallTransitions {

	/** Records the status of the attempt that ended and its error, keeping an earlier error otherwise. */
	private static final String LAST_ATTEMPT = "last_status = ?, last_error_type = COALESCE(?, last_error_type), "
			+ "last_error_message = COALESCE(?, last_error_message)";

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final Inboxes inboxes;

	private final Clock clock;

	private final String calls;

	CallTransitions(JdbcTemplate jdbc, SqlDialect dialect, Inboxes inboxes, Clock clock, String tablePrefix) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.inboxes = inboxes;
		this.clock = clock;
		this.calls = tablePrefix + "calls";
	}

	/**
	 * Inserts calls, leaving out those whose id the table holds or that came before in the list.
	 * @param newCalls the calls
	 */
	void insert(List<NewCall> newCalls) {
		String sql = "INSERT INTO " + this.calls + " (id, function_name, endpoint, input, parent_id, root_id, "
				+ "correlation_id, deliver_to_parent, created_at, expires_at, trace_context, state, due_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (id) DO NOTHING";
		for (List<NewCall> chunk : CallRows.chunks(newCalls, 5 * CallRows.CHUNK)) {
			this.jdbc.batchUpdate(sql, chunk.stream().map(CallRows::insertParameters).toList());
		}
	}

	/**
	 * Applies the transitions in the current transaction. On a shared database, the rows of the calls
	 * and of the parents the transitions update are locked first, in the order of their ids, so that
	 * instances writing transitions of the same parents at once wait for each other instead of
	 * deadlocking.
	 * @param transitions the transitions, of distinct calls
	 * @return what they did
	 */
	Applied apply(List<Transition> transitions) {
		lockInIdOrder(transitions);
		Writes writes = new Writes();
		List<Boolean> held = new ArrayList<>(transitions.size());
		for (Transition transition : transitions) {
			held.add(apply(transition, writes));
		}
		return new Applied(held, writes.due);
	}

	/**
	 * Locks, in the order of their ids, the rows the transitions update that other transactions update
	 * too: each call's own row, which its children's completions update, and a completion's parent,
	 * which its siblings' completions update. Ended calls are left out: no transition updates them.
	 */
	private void lockInIdOrder(List<Transition> transitions) {
		if (!this.dialect.shared()) {
			return;
		}
		Set<String> ids = new HashSet<>();
		for (Transition transition : transitions) {
			NewCall call = transition.call().call();
			ids.add(call.id());
			if (transition instanceof Transition.Complete && call.deliverToParent() && call.parentId() != null) {
				ids.add(call.parentId());
			}
		}
		String sql = "SELECT id FROM " + this.calls
				+ " WHERE id = ANY (?) AND state <> 'DONE' ORDER BY id COLLATE \"C\" FOR UPDATE";
		this.jdbc.query(sql,
				(statement) -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", ids.toArray())),
				(row) -> {
				});
	}

	private boolean apply(Transition transition, Writes writes) {
		if (transition instanceof Transition.Complete complete) {
			return complete(complete, writes);
		}
		if (transition instanceof Transition.Retry retry) {
			return retry(retry);
		}
		if (transition instanceof Transition.Suspend suspend) {
			return suspend(suspend, writes);
		}
		if (transition instanceof Transition.Defer defer) {
			return ifLeased(defer.call(), "state = 'PENDING', due_at = ?", defer.dueAt().toEpochMilli());
		}
		return tailCall((Transition.TailCall) transition, writes);
	}

	private boolean complete(Transition.Complete complete, Writes writes) {
		ClaimedCall call = complete.call();
		if (!ifLeased(call, "state = 'DONE', result = ?, status = ?, error_type = ?, due_at = NULL, "
				+ "coroutine_state = NULL, inbox_count = 0, ended_at = ?, " + LAST_ATTEMPT, complete.result().toByteArray(),
				complete.status().name(), CallRows.errorType(complete.result()), this.clock.millis(),
				complete.status().name(), CallRows.errorType(complete.result()), CallRows.errorMessage(complete.result()))) {
			return false;
		}
		if (call.state() != null) {
			this.inboxes.clear(call.id());
		}
		NewCall finished = call.call();
		if (finished.deliverToParent() && finished.parentId() != null) {
			writes.due |= this.inboxes.deliver(finished.parentId(), finished.id(), complete.result())
					&& dueIfReady(finished.parentId());
		}
		return true;
	}

	/**
	 * Makes a suspended call due now if its inbox holds enough results.
	 * @param id the call
	 * @return whether it became due
	 */
	boolean dueIfReady(String id) {
		long now = this.clock.millis();
		return this.jdbc.update("UPDATE " + this.calls + " SET due_at = ? WHERE id = ? AND state = 'SUSPENDED' "
				+ "AND inbox_count >= min_results AND (due_at IS NULL OR due_at > ?)", now, id, now) > 0;
	}

	private boolean retry(Transition.Retry retry) {
		String reset = retry.restart() ? ", coroutine_state = NULL, inbox_count = 0" : "";
		if (!ifLeased(retry.call(), "state = 'PENDING', attempt = attempt + 1, due_at = ?" + reset + ", " + LAST_ATTEMPT,
				retry.dueAt().toEpochMilli(), retry.status().name(), CallRows.errorType(retry.failure()),
				CallRows.errorMessage(retry.failure()))) {
			return false;
		}
		if (retry.restart()) {
			this.inboxes.clear(retry.call().id());
		}
		return true;
	}

	private boolean suspend(Transition.Suspend suspend, Writes writes) {
		ClaimedCall call = suspend.call();
		if (!ifLeased(call, "state = 'SUSPENDED', coroutine_state = ?, min_results = ?, max_results = ?, attempt = 0, "
				+ "due_at = CAST(? AS BIGINT)", suspend.state().toByteArray(), suspend.minResults(), suspend.maxResults(),
				CallRows.millis(suspend.deadline()))) {
			return false;
		}
		this.inboxes.dropDelivered(call);
		insert(suspend.children());
		writes.due |= !suspend.children().isEmpty() | dueIfReady(call.id());
		return true;
	}

	private boolean tailCall(Transition.TailCall tailCall, Writes writes) {
		if (!ifLeased(tailCall.call(), "function_name = ?, input = ?, state = 'PENDING', attempt = 0, "
				+ "coroutine_state = NULL, inbox_count = 0, due_at = ?", tailCall.function(),
				tailCall.input().toByteArray(), this.clock.millis())) {
			return false;
		}
		this.inboxes.clear(tailCall.call().id());
		writes.due = true;
		return true;
	}

	/**
	 * Applies the assignments to a call whose lease is still held and that was not cancelled while it
	 * ran, ending the lease.
	 */
	private boolean ifLeased(ClaimedCall call, String assignments, Object... values) {
		Object[] parameters = Arrays.copyOf(values, values.length + 2);
		parameters[values.length] = call.id();
		parameters[values.length + 1] = call.leaseToken();
		return this.jdbc.update("UPDATE " + this.calls + " SET " + assignments
				+ ", lease_token = NULL, lease_owner = NULL WHERE id = ? AND lease_token = ? AND state = 'RUNNING' "
				+ "AND cancelled_at IS NULL",
				parameters) > 0;
	}

	/**
	 * What transitions did.
	 *
	 * @param held for each transition, whether its lease was still held
	 * @param due whether they made calls due
	 */
	record Applied(List<Boolean> held, boolean due) {
	}

	/** What a transaction of transitions did that others must hear of. */
	private static final class Writes {

		private boolean due;

	}

}
