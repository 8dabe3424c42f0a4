package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.Instance;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.Transition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link CallStore} in a relational database: SQLite for the embedded default, PostgreSQL for
 * several instances. Each transition is one transaction guarded by the lease token; due time, lease
 * expiry and suspension deadline share one indexed column, so one range scan finds all due work.
 * With {@link Durability#SYNC} a write returns only once it is on stable storage.
 * <p>
 * Each store object is one instance: its leases name it, and its heartbeats keep it registered. On
 * PostgreSQL, the calls of an instance whose heartbeats stopped are handed back after the timeout the
 * others give it. A database that is not shared has one process at a time (the embedded store holds
 * a lock on it), so the leases found when it is opened belong to a process that ended, and are handed
 * back at once.
 */
public final class JdbcCallStore implements CallStore, AutoCloseable {

	private static final int CHUNK = 500;

	private static final Log logger = LogFactory.getLog(JdbcCallStore.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SqlDialect dialect;

	private final Clock clock;

	private final Durability durability;

	private final String calls;

	private final String inbox;

	private final String channel;

	private final ReentrantLock claimLock = new ReentrantLock();

	private final @Nullable AutoCloseable ownedDataSource;

	private final SchedulerKeys schedulerKeys;

	private final String instanceId = UUID.randomUUID().toString();

	private final Heartbeats heartbeats;

	/**
	 * Creates a store whose writes are forced to stable storage, creating or migrating its tables.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param ownedDataSource the data source to close with the store, or {@code null} if it is shared
	 */
	public JdbcCallStore(DataSource dataSource, String tablePrefix, Clock clock, @Nullable AutoCloseable ownedDataSource) {
		this(dataSource, tablePrefix, clock, Durability.SYNC, ownedDataSource);
	}

	/**
	 * Creates the store, creating or migrating its tables.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param durability how far a write goes before it returns
	 * @param ownedDataSource the data source to close with the store, or {@code null} if it is shared
	 */
	public JdbcCallStore(DataSource dataSource, String tablePrefix, Clock clock, Durability durability,
			@Nullable AutoCloseable ownedDataSource) {
		this.ownedDataSource = ownedDataSource;
		this.durability = durability;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.dialect = SqlDialect.of(dataSource);
		this.clock = clock;
		this.calls = tablePrefix + "calls";
		this.inbox = tablePrefix + "inbox";
		this.channel = tablePrefix + "work";
		new StoreSchema(this.jdbc, this.transactions, this.dialect, tablePrefix).migrate();
		this.schedulerKeys = new JdbcSchedulerKeys(this.jdbc, tablePrefix);
		this.heartbeats = new Heartbeats(this.jdbc, this.dialect, tablePrefix, this.instanceId);
		if (!this.dialect.shared()) {
			releaseLeasesOfEndedProcess();
		}
	}

	private void releaseLeasesOfEndedProcess() {
		long now = this.clock.millis();
		int released = write(() -> this.jdbc.update("UPDATE " + this.calls + " SET " + CallRows.HANDED_BACK
				+ " WHERE due_at > ? AND state = 'RUNNING'", now, now));
		if (released > 0) {
			logger.info("Handed back " + released + " calls leased by the process that had the Dispatch store open "
					+ "before; they run again at once");
		}
	}

	/**
	 * The scheduler's key pair, kept in this store's database.
	 * @return the keys
	 */
	public SchedulerKeys schedulerKeys() {
		return this.schedulerKeys;
	}

	@Override
	public void add(List<NewCall> newCalls) {
		if (newCalls.isEmpty()) {
			return;
		}
		write(() -> {
			insert(newCalls);
			notifyDue();
			return null;
		});
	}

	/**
	 * Runs a write transaction with the store's durability: when it returns, what it wrote is on
	 * stable storage unless the durability is relaxed.
	 */
	private <T> T write(java.util.function.Supplier<T> work) {
		String begin = this.dialect.beginTransaction(this.durability);
		return this.transactions.execute((status) -> {
			if (begin != null) {
				this.jdbc.execute(begin);
			}
			return work.get();
		});
	}

	/**
	 * Inserts calls, leaving out those whose id the table holds or that came before in the list.
	 */
	private void insert(List<NewCall> newCalls) {
		String sql = "INSERT INTO " + this.calls + " (id, function_name, endpoint, input, parent_id, root_id, "
				+ "correlation_id, deliver_to_parent, created_at, expires_at, state, due_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (id) DO NOTHING";
		for (List<NewCall> chunk : CallRows.chunks(newCalls, 5 * CHUNK)) {
			this.jdbc.batchUpdate(sql, chunk.stream().map(CallRows::insertParameters).toList());
		}
	}

	@Override
	public List<ClaimedCall> claim(int limit, Duration lease) {
		return exclusively(() -> write(() -> claimDue(limit, lease)));
	}

	private List<ClaimedCall> claimDue(int limit, Duration lease) {
		Instant now = this.clock.instant();
		String token = UUID.randomUUID().toString();
		long leaseExpiry = now.plus(lease).toEpochMilli();
		List<CallRows.Claimed> claimed = this.dialect.shared() ? claimSkippingLocked(now, limit, token, leaseExpiry)
				: claimUnshared(now, limit, token, leaseExpiry);
		return withInboxes(claimed, token);
	}

	private List<CallRows.Claimed> claimSkippingLocked(Instant now, int limit, String token, long leaseExpiry) {
		String sql = "UPDATE " + this.calls + " c SET state = 'RUNNING', lease_token = ?, lease_owner = ?, due_at = ? "
				+ "FROM (SELECT id FROM "
				+ this.calls + " WHERE due_at BETWEEN 0 AND ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) due "
				+ "WHERE c.id = due.id RETURNING " + qualified("c.");
		return this.jdbc.query(sql, (row, i) -> CallRows.claimed(row), token, this.instanceId, leaseExpiry,
				now.toEpochMilli(), limit);
	}

	private List<CallRows.Claimed> claimUnshared(Instant now, int limit, String token, long leaseExpiry) {
		List<CallRows.Claimed> due = this.jdbc.query("SELECT " + CallRows.CLAIMED_COLUMNS + " FROM " + this.calls
				+ " WHERE due_at BETWEEN 0 AND ? ORDER BY due_at LIMIT ?", (row, i) -> CallRows.claimed(row),
				now.toEpochMilli(), limit);
		int[] leased = this.jdbc.batchUpdate("UPDATE " + this.calls + " SET state = 'RUNNING', lease_token = ?, "
				+ "lease_owner = ?, due_at = ? WHERE id = ? AND due_at BETWEEN 0 AND ?", due.stream()
					.map((call) -> new Object[] { token, this.instanceId, leaseExpiry, call.call().id(), now.toEpochMilli() })
					.toList());
		List<CallRows.Claimed> claimed = new ArrayList<>(due.size());
		for (int i = 0; i < due.size(); i++) {
			if (leased[i] != 0) {
				claimed.add(due.get(i));
			}
		}
		return claimed;
	}

	/**
	 * Runs a transaction that claims calls: on a database of a single instance, one at a time, and
	 * always before any row lock is taken, so that two claims never lease the same call and never
	 * wait for each other's rows.
	 */
	private <T> T exclusively(java.util.function.Supplier<T> claiming) {
		if (this.dialect.shared()) {
			return claiming.get();
		}
		this.claimLock.lock();
		try {
			return claiming.get();
		}
		finally {
			this.claimLock.unlock();
		}
	}

	private static String qualified(String alias) {
		return alias + CallRows.CLAIMED_COLUMNS.replace(", ", ", " + alias);
	}

	/**
	 * Reads the inbox of each suspended call, at most the poll's maximum of results: a paged gather
	 * reads one page per resume, not the whole inbox.
	 */
	private List<ClaimedCall> withInboxes(List<CallRows.Claimed> claimed, String token) {
		List<ClaimedCall> leased = new ArrayList<>(claimed.size());
		for (CallRows.Claimed call : claimed) {
			List<CallResult> results = (call.state() != null)
					? this.jdbc.query("SELECT result FROM " + this.inbox + " WHERE parent_id = ? LIMIT ?",
							(row, i) -> CallRows.result(row.getBytes("result")), call.call().id(), call.maxResults())
					: List.of();
			leased.add(new ClaimedCall(call.call(), call.state(), results, call.attempt(), token));
		}
		return leased;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Each lease is renewed in a statement of its own, so that renewing never holds one row while
	 * waiting for another, as a completion that updates its parent does.
	 */
	@Override
	public void renew(Collection<ClaimedCall> leased, Duration lease) {
		long leaseExpiry = this.clock.instant().plus(lease).toEpochMilli();
		for (ClaimedCall call : leased) {
			write(() -> this.jdbc.update("UPDATE " + this.calls
					+ " SET due_at = ? WHERE id = ? AND lease_token = ? AND state = 'RUNNING'", leaseExpiry, call.id(),
					call.leaseToken()));
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The calls are handed back in one transaction, in the order of their ids.
	 */
	@Override
	public void release(Collection<ClaimedCall> leased) {
		if (leased.isEmpty()) {
			return;
		}
		long now = this.clock.millis();
		List<Object[]> parameters = leased.stream()
			.sorted(java.util.Comparator.comparing(ClaimedCall::id))
			.map((call) -> new Object[] { now, call.id(), call.leaseToken() })
			.toList();
		write(() -> {
			this.jdbc.batchUpdate("UPDATE " + this.calls + " SET " + CallRows.HANDED_BACK
					+ " WHERE id = ? AND lease_token = ? AND state = 'RUNNING'", parameters);
			notifyDue();
			return null;
		});
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The heartbeat is a transaction of its own, so that nothing else can hold it up; the calls of
	 * silent instances are handed back in another, on PostgreSQL only: a database that is not shared
	 * handed back all leases when it was opened. An instance that was silent itself for longer than
	 * the timeout hands nothing back on its first heartbeat after that, so that instances coming back
	 * from a database outage do not take each other's calls before each could beat again.
	 */
	@Override
	public List<Instance> heartbeat(Instance instance, Duration timeout) {
		long now = this.clock.millis();
		boolean heardThroughout = write(() -> this.heartbeats.beat(instance, timeout, now));
		write(() -> {
			if (this.dialect.shared() && heardThroughout && this.heartbeats.reclaim(timeout, now) > 0) {
				notifyDue();
			}
			this.heartbeats.forgetLongSilent();
			return null;
		});
		return this.heartbeats.registered();
	}

	@Override
	public List<Instance> instances() {
		return this.heartbeats.registered();
	}

	/**
	 * Records the transitions and, when they made calls due, leases up to {@code claimLimit} due calls,
	 * in one transaction. A transition whose lease was lost changes nothing and does not affect the
	 * others. On a shared database, the rows of the calls and of the parents the transitions
	 * update are locked first, in the order of their ids, so that instances writing transitions of the
	 * same parents at once wait for each other instead of deadlocking.
	 */
	@Override
	public Recorded record(List<Transition> transitions, int claimLimit, Duration lease) {
		java.util.function.Supplier<Recorded> recording = () -> write(() -> {
			lockInIdOrder(transitions);
			Writes writes = new Writes();
			List<Boolean> held = new ArrayList<>(transitions.size());
			for (Transition transition : transitions) {
				held.add(apply(transition, writes));
			}
			List<ClaimedCall> claimed = (claimLimit > 0 && writes.due) ? claimDue(claimLimit, lease) : List.of();
			if (writes.due) {
				notifyDue();
			}
			return new Recorded(held, claimed);
		});
		return (claimLimit > 0) ? exclusively(recording) : recording.get();
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
		java.util.Set<String> ids = new java.util.HashSet<>();
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
		return tailCall((Transition.TailCall) transition, writes);
	}

	private boolean complete(Transition.Complete complete, Writes writes) {
		ClaimedCall call = complete.call();
		if (!ifLeased(call, "state = 'DONE', result = ?, due_at = NULL, coroutine_state = NULL, inbox_count = 0, "
				+ "ended_at = ?", complete.result().toByteArray(), this.clock.millis())) {
			return false;
		}
		if (call.state() != null) {
			this.jdbc.update("DELETE FROM " + this.inbox + " WHERE parent_id = ?", call.id());
		}
		NewCall finished = call.call();
		if (finished.deliverToParent() && finished.parentId() != null) {
			writes.due |= deliver(finished.parentId(), finished.id(), complete.result());
		}
		return true;
	}

	private boolean deliver(String parentId, String childId, CallResult result) {
		int parents = this.jdbc.update("UPDATE " + this.calls + " SET inbox_count = inbox_count + 1 WHERE id = ? AND state <> 'DONE'",
				parentId);
		if (parents == 0) {
			return false;
		}
		this.jdbc.update("INSERT INTO " + this.inbox + " (parent_id, child_id, result) VALUES (?, ?, ?)", parentId,
				childId, result.toByteArray());
		return dueIfReady(parentId);
	}

	private boolean dueIfReady(String id) {
		long now = this.clock.millis();
		return this.jdbc.update("UPDATE " + this.calls + " SET due_at = ? WHERE id = ? AND state = 'SUSPENDED' "
				+ "AND inbox_count >= min_results AND (due_at IS NULL OR due_at > ?)", now, id, now) > 0;
	}

	private boolean retry(Transition.Retry retry) {
		String reset = retry.restart() ? ", coroutine_state = NULL, inbox_count = 0" : "";
		if (!ifLeased(retry.call(), "state = 'PENDING', attempt = attempt + 1, due_at = ?" + reset,
				retry.dueAt().toEpochMilli())) {
			return false;
		}
		if (retry.restart()) {
			this.jdbc.update("DELETE FROM " + this.inbox + " WHERE parent_id = ?", retry.call().id());
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
		int delivered = 0;
		for (int deleted : this.jdbc.batchUpdate("DELETE FROM " + this.inbox + " WHERE parent_id = ? AND child_id = ?",
				call.results().stream().map((result) -> new Object[] { call.id(), result.getDispatchId() }).toList())) {
			delivered += Math.max(deleted, 0);
		}
		if (delivered > 0) {
			this.jdbc.update("UPDATE " + this.calls + " SET inbox_count = inbox_count - ? WHERE id = ?", delivered,
					call.id());
		}
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
		this.jdbc.update("DELETE FROM " + this.inbox + " WHERE parent_id = ?", tailCall.call().id());
		writes.due = true;
		return true;
	}

	/** Applies the assignments to a call whose lease is still held, ending the lease. */
	private boolean ifLeased(ClaimedCall call, String assignments, Object... values) {
		Object[] parameters = Arrays.copyOf(values, values.length + 2);
		parameters[values.length] = call.id();
		parameters[values.length + 1] = call.leaseToken();
		return this.jdbc.update("UPDATE " + this.calls + " SET " + assignments
				+ ", lease_token = NULL, lease_owner = NULL WHERE id = ? AND lease_token = ? AND state = 'RUNNING'",
				parameters) > 0;
	}

	/** What a transaction of transitions did that others must hear of. */
	private static final class Writes {

		private boolean due;

	}

	@Override
	public Map<String, CallResult> results(Collection<String> ids) {
		Map<String, CallResult> results = new HashMap<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CHUNK)) {
			this.jdbc.query("SELECT id, result FROM " + this.calls + " WHERE state = 'DONE' AND id IN ("
					+ CallRows.placeholders(chunk.size()) + ")",
					(row) -> {
						results.put(row.getString("id"), CallRows.result(row.getBytes("result")));
					}, chunk.toArray());
		}
		return results;
	}

	@Override
	public int purge(Instant endedBefore, int limit) {
		return this.jdbc.update("DELETE FROM " + this.calls + " WHERE id IN (SELECT id FROM " + this.calls
				+ " ended WHERE ended_at < ? AND NOT EXISTS (SELECT 1 FROM " + this.calls + " parent WHERE parent.id = "
				+ "ended.parent_id AND parent.state <> 'DONE') ORDER BY ended_at LIMIT ?)", endedBefore.toEpochMilli(),
				limit);
	}

	@Override
	public boolean exists(String id) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.calls + " WHERE id = ?", Integer.class, id);
		return count != null && count > 0;
	}

	@Override
	public Set<String> existing(Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CHUNK)) {
			existing.addAll(this.jdbc.queryForList("SELECT id FROM " + this.calls + " WHERE id IN ("
					+ CallRows.placeholders(chunk.size()) + ")", String.class, chunk.toArray()));
		}
		return existing;
	}

	@Override
	public List<NewCall> children(String parentId) {
		return this.jdbc.query("SELECT " + CallRows.CLAIMED_COLUMNS + " FROM " + this.calls + " WHERE parent_id = ?",
				(row, i) -> CallRows.claimed(row).call(), parentId);
	}

	@Override
	public AutoCloseable subscribe(Runnable onDue) {
		if (this.dialect != SqlDialect.POSTGRESQL) {
			return () -> {
			};
		}
		return PostgresNotifications.listen(this.jdbc.getDataSource(), this.channel, onDue);
	}

	@Override
	public void close() throws Exception {
		if (this.ownedDataSource != null) {
			this.ownedDataSource.close();
		}
	}

	private void notifyDue() {
		if (this.dialect == SqlDialect.POSTGRESQL) {
			this.jdbc.query("SELECT pg_notify(?, '')", (row) -> {
			}, this.channel);
		}
	}

}
