package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.FlowControl;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leases of the store's calls: claims of due calls, with the inboxes of suspended ones, and the
 * renewal and release of leases. On PostgreSQL a claim skips the rows other instances are claiming;
 * on a database of a single instance, claims take turns and read the due calls before leasing them.
 */
final class Leases {

	private static final Log logger = LogFactory.getLog(Leases.class);

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final WriteTransactions writes;

	private final Clock clock;

	private final String instanceId;

	private final Inboxes inboxes;

	private final String calls;

	private final ReentrantLock claimLock = new ReentrantLock();

	private final ClaimSteps steps;

	Leases(JdbcTemplate jdbc, SqlDialect dialect, WriteTransactions writes, Inboxes inboxes, Clock clock,
			String tablePrefix, String instanceId, FlowControl flow) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.writes = writes;
		this.inboxes = inboxes;
		this.clock = clock;
		this.instanceId = instanceId;
		this.calls = tablePrefix + "calls";
		this.steps = new ClaimSteps(flow, new FunctionLimits(jdbc, dialect, tablePrefix));
	}

	/**
	 * Leases due calls in a transaction of their own.
	 * @param limit the most calls to lease
	 * @param lease how long the leases last
	 * @return the leased calls
	 */
	List<ClaimedCall> claim(int limit, Duration lease) {
		return exclusively(() -> this.writes.write(() -> claimDue(limit, lease)));
	}

	/**
	 * Leases due calls in the current transaction, which {@link #exclusively} runs.
	 * @param limit the most calls to lease
	 * @param lease how long the leases last
	 * @return the leased calls
	 */
	List<ClaimedCall> claimDue(int limit, Duration lease) {
		Instant now = this.clock.instant();
		String token = UUID.randomUUID().toString();
		long leaseExpiry = now.plus(lease).toEpochMilli();
		List<CallRows.Claimed> claimed = this.steps.claim(limit, now.toEpochMilli(),
				(selection, most) -> claimDue(selection, most, now, token, leaseExpiry));
		return withInboxes(claimed, token);
	}

	private List<CallRows.Claimed> claimDue(ClaimSteps.Selection selection, int limit, Instant now, String token,
			long leaseExpiry) {
		return this.dialect.shared() ? claimSkippingLocked(selection, now, limit, token, leaseExpiry)
				: claimUnshared(selection, now, limit, token, leaseExpiry);
	}

	private List<CallRows.Claimed> claimSkippingLocked(ClaimSteps.Selection selection, Instant now, int limit,
			String token, long leaseExpiry) {
		String sql = "UPDATE " + this.calls + " c SET state = 'RUNNING', lease_token = ?, lease_owner = ?, due_at = ? "
				+ "FROM (SELECT id FROM " + this.calls + " WHERE due_at BETWEEN 0 AND ?" + selection.condition()
				+ " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) due WHERE c.id = due.id RETURNING "
				+ qualified("c.");
		return this.jdbc.query(sql, (row, i) -> CallRows.claimed(row),
				selection.parameters(List.of(token, this.instanceId, leaseExpiry, now.toEpochMilli()), limit));
	}

	private List<CallRows.Claimed> claimUnshared(ClaimSteps.Selection selection, Instant now, int limit, String token,
			long leaseExpiry) {
		List<CallRows.Claimed> due = this.jdbc.query("SELECT " + CallRows.CLAIMED_COLUMNS + " FROM " + this.calls
				+ " WHERE due_at BETWEEN 0 AND ?" + selection.condition() + " ORDER BY due_at LIMIT ?",
				(row, i) -> CallRows.claimed(row), selection.parameters(List.of(now.toEpochMilli()), limit));
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
	 * @param claiming the transaction
	 * @return what it returned
	 */
	<T> T exclusively(Supplier<T> claiming) {
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
			List<CallResult> results = (call.state() != null) ? this.inboxes.read(call.call().id(), call.maxResults())
					: List.of();
			leased.add(new ClaimedCall(call.call(), call.state(), results, call.attempt(), token));
		}
		return leased;
	}

	/**
	 * Extends leases still held, each in a statement of its own, so that renewing never holds one row
	 * while waiting for another, as a completion that updates its parent does.
	 * @param leased the leased calls
	 * @param lease how long the leases last from now
	 */
	void renew(Collection<ClaimedCall> leased, Duration lease) {
		long leaseExpiry = this.clock.instant().plus(lease).toEpochMilli();
		for (ClaimedCall call : leased) {
			this.writes.write(() -> this.jdbc.update("UPDATE " + this.calls
					+ " SET due_at = ? WHERE id = ? AND lease_token = ? AND state = 'RUNNING'", leaseExpiry, call.id(),
					call.leaseToken()));
		}
	}

	/**
	 * Hands back leases still held, in one transaction, in the order of their ids.
	 * @param leased the leased calls
	 */
	void release(Collection<ClaimedCall> leased) {
		if (leased.isEmpty()) {
			return;
		}
		long now = this.clock.millis();
		List<Object[]> parameters = leased.stream()
			.sorted(Comparator.comparing(ClaimedCall::id))
			.map((call) -> new Object[] { now, call.id(), call.leaseToken() })
			.toList();
		this.writes.writeDue(() -> this.jdbc.batchUpdate("UPDATE " + this.calls + " SET " + CallRows.HANDED_BACK
				+ " WHERE id = ? AND lease_token = ? AND state = 'RUNNING'", parameters));
	}

	/**
	 * Hands back every lease, on a database that is not shared: the process that held them ended.
	 */
	void releaseLeasesOfEndedProcess() {
		long now = this.clock.millis();
		int released = this.writes.write(() -> this.jdbc.update("UPDATE " + this.calls + " SET "
				+ CallRows.HANDED_BACK + " WHERE due_at > ? AND state = 'RUNNING'", now, now));
		if (released > 0) {
			logger.info("Handed back " + released + " calls leased by the process that had the Dispatch store open "
					+ "before; they run again at once");
		}
	}

}
