package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallControl;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallOverview;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallStatuses;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.IdempotentCalls;
import io.github.dispatchspring.scheduler.Instance;
import io.github.dispatchspring.scheduler.Intervention;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.Transition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link CallStore} in a relational database: SQLite for the embedded default, PostgreSQL for
 * several instances. Each transition is one transaction guarded by the lease token; due time, lease
 * expiry and suspension deadline share one indexed column, so one range scan finds all due work.
 * With {@link Durability#SYNC} a write returns only once it is on stable storage.
 * <p>
 * The store needs tables that {@link StoreSchema} migrated, and does not own the data source: whoever
 * created the data source closes it.
 * <p>
 * Each store object is one instance: its leases name it, and its heartbeats keep it registered. On
 * PostgreSQL, the calls of an instance whose heartbeats stopped are handed back after the timeout the
 * others give it. A database that is not shared has one process at a time (the embedded store holds
 * a lock on it), so the leases found when it is opened belong to a process that ended, and are handed
 * back at once.
 * <p>
 * The store answers the {@link CallQueries} of people watching its calls from indexes, and keeps a
 * history of failed attempts and of the {@link CallControl} actions taken on calls.
 */
public final class JdbcCallStore implements CallStore, CallQueries, CallControl, CallStatuses, IdempotentCalls {

	private final JdbcTemplate jdbc;

	private final String calls;

	private final WriteTransactions writes;

	private final Leases leases;

	private final CallTransitions transitions;

	private final CallLookups lookups;

	private final CallStatusReads statuses;

	private final IdempotentInserts idempotentInserts;

	private final Heartbeats heartbeats;

	private final SchedulerKeys schedulerKeys;

	private final CallHistory history;

	private final CallSearch search;

	private final Interventions interventions;

	/**
	 * Creates a store whose writes are forced to stable storage.
	 * @param dataSource the database, its tables migrated by {@link StoreSchema}
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 */
	public JdbcCallStore(DataSource dataSource, String tablePrefix, Clock clock) {
		this(dataSource, tablePrefix, clock, Durability.SYNC);
	}

	/**
	 * Creates the store. On a database that is not shared, the calls leased when it is opened are
	 * handed back, as the process that leased them ended.
	 * @param dataSource the database, its tables migrated by {@link StoreSchema}
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param durability how far a write goes before it returns
	 */
	public JdbcCallStore(DataSource dataSource, String tablePrefix, Clock clock, Durability durability) {
		this(dataSource, tablePrefix, clock, durability, FlowControl.none());
	}

	/**
	 * Creates a store that holds back calls beyond the limits of their functions, across every
	 * instance sharing the database, and leases calls of higher priority first. On a database that is
	 * not shared, the calls leased when it is opened are handed back, as the process that leased them
	 * ended.
	 * @param dataSource the database, its tables migrated by {@link StoreSchema}
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param durability how far a write goes before it returns
	 * @param flow the order of claims and the limits of functions
	 */
	public JdbcCallStore(DataSource dataSource, String tablePrefix, Clock clock, Durability durability,
			FlowControl flow) {
		String prefix = StoreSchema.checkedPrefix(tablePrefix);
		String instanceId = UUID.randomUUID().toString();
		SqlDialect dialect = SqlDialect.of(dataSource);
		this.jdbc = new JdbcTemplate(dataSource);
		this.calls = prefix + "calls";
		this.writes = new WriteTransactions(dataSource, dialect, durability, prefix + "work");
		Inboxes inboxes = new Inboxes(this.jdbc, prefix);
		this.leases = new Leases(this.jdbc, dialect, this.writes, inboxes, clock, prefix, instanceId, flow);
		this.transitions = new CallTransitions(this.jdbc, dialect, inboxes, clock, prefix);
		this.lookups = new CallLookups(this.jdbc, prefix);
		this.statuses = new CallStatusReads(this.jdbc, prefix);
		this.idempotentInserts = new IdempotentInserts(this.jdbc, prefix);
		this.heartbeats = new Heartbeats(this.jdbc, dialect, this.writes, clock, prefix, instanceId);
		this.schedulerKeys = new JdbcSchedulerKeys(this.jdbc, prefix);
		this.history = new CallHistory(this.jdbc, clock, prefix);
		this.search = new CallSearch(this.jdbc, this.history, clock, prefix);
		this.interventions = new Interventions(this.jdbc, dialect, this.writes, inboxes, this.transitions,
				this.history, clock, prefix);
		if (!dialect.shared()) {
			this.leases.releaseLeasesOfEndedProcess();
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
		if (!newCalls.isEmpty()) {
			this.writes.writeDue(() -> this.transitions.insert(newCalls));
		}
	}

	@Override
	public String addOnce(NewCall call, String idempotencyKey) {
		return this.writes.write(() -> {
			String id = this.idempotentInserts.insertOnce(call, idempotencyKey);
			if (id.equals(call.id())) {
				this.writes.notifyDue();
			}
			return id;
		});
	}

	@Override
	public List<ClaimedCall> claim(int limit, Duration lease) {
		return this.leases.claim(limit, lease);
	}

	@Override
	public void renew(Collection<ClaimedCall> leased, Duration lease) {
		this.leases.renew(leased, lease);
	}

	@Override
	public Set<String> cancelled(Collection<ClaimedCall> leased) {
		return this.lookups.cancelledRunning(leased.stream().map(ClaimedCall::id).toList());
	}

	@Override
	public void release(Collection<ClaimedCall> leased) {
		this.leases.release(leased);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The calls of silent instances are handed back on PostgreSQL only: a database that is not shared
	 * handed back all leases when it was opened.
	 */
	@Override
	public List<Instance> heartbeat(Instance instance, Duration timeout) {
		return this.heartbeats.heartbeat(instance, timeout);
	}

	@Override
	public List<Instance> instances() {
		return this.heartbeats.registered();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The transitions are recorded in one transaction, and calls are leased in it only when the
	 * transitions made calls due. The cancelled calls whose transitions were refused end in it too.
	 */
	@Override
	public Recorded record(List<Transition> transitions, int claimLimit, Duration lease) {
		Supplier<Recorded> recording = () -> this.writes.write(() -> {
			CallTransitions.Applied applied = this.transitions.apply(transitions);
			this.history.retried(transitions, applied.held());
			boolean due = this.interventions.endCancelled(transitions, applied.held()) | applied.due();
			List<ClaimedCall> claimed = (claimLimit > 0 && due) ? this.leases.claimDue(claimLimit, lease) : List.of();
			if (due) {
				this.writes.notifyDue();
			}
			return new Recorded(applied.held(), claimed);
		});
		return (claimLimit > 0) ? this.leases.exclusively(recording) : recording.get();
	}

	@Override
	public Map<String, CallResult> results(Collection<String> ids) {
		return this.lookups.results(ids);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The history of calls is kept as long: its events older than the cutoff are deleted too.
	 */
	@Override
	public @Nullable CallStatus status(String id) {
		return this.statuses.status(id);
	}

	@Override
	public Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		return this.statuses.outcomes(ids);
	}

	@Override
	public int purge(Instant endedBefore, int limit) {
		this.history.purge(endedBefore);
		return this.jdbc.update("DELETE FROM " + this.calls + " WHERE id IN (SELECT id FROM " + this.calls
				+ " ended WHERE ended_at < ? AND NOT EXISTS (SELECT 1 FROM " + this.calls + " parent WHERE parent.id = "
				+ "ended.parent_id AND parent.state <> 'DONE') ORDER BY ended_at LIMIT ?)", endedBefore.toEpochMilli(),
				limit);
	}

	@Override
	public boolean exists(String id) {
		return this.lookups.exists(id);
	}

	@Override
	public Set<String> existing(Collection<String> ids) {
		return this.lookups.existing(ids);
	}

	@Override
	public List<NewCall> children(String parentId) {
		return this.lookups.children(parentId);
	}

	@Override
	public AutoCloseable subscribe(Runnable onDue) {
		return this.writes.subscribe(onDue);
	}

	@Override
	public CallPage calls(CallFilter filter, int limit) {
		return this.search.calls(filter, limit);
	}

	@Override
	public @Nullable CallSummary summary(String id) {
		return this.search.summary(id);
	}

	@Override
	public @Nullable CallDetails call(String id) {
		return this.search.call(id);
	}

	@Override
	public CallOverview overview(Instant since) {
		return this.search.overview(since);
	}

	@Override
	public Intervention cancel(String id) {
		return this.interventions.cancel(id);
	}

	@Override
	public Intervention runAgain(String id) {
		return this.interventions.runAgain(id);
	}

}
