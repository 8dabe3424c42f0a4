package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dispatchspring.scheduler.Instance;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heartbeat rows of the instances sharing a store: each instance renews its own, the calls of an
 * instance silent for longer than a timeout are handed back to whoever claims next, and the rows of
 * instances silent for a day are removed. Silence is measured by the database's clock, so instances
 * whose clocks disagree still judge each other alike.
 */
final class Heartbeats {

	/** How long an instance stays registered after its last heartbeat. */
	static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

	private static final Log logger = LogFactory.getLog(Heartbeats.class);

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final WriteTransactions writes;

	private final Clock clock;

	private final String instances;

	private final String calls;

	private final String databaseNow;

	private final String instanceId;

	private long lastBeat = -1;

	Heartbeats(JdbcTemplate jdbc, SqlDialect dialect, WriteTransactions writes, Clock clock, String tablePrefix,
			String instanceId) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.writes = writes;
		this.clock = clock;
		this.instances = tablePrefix + "instances";
		this.calls = tablePrefix + "calls";
		this.databaseNow = dialect.currentMillis();
		this.instanceId = instanceId;
	}

	/**
	 * Records that this instance is alive, in a transaction of its own so that nothing else can hold
	 * it up, then hands back the calls of silent instances in another, on PostgreSQL only: a database
	 * that is not shared handed back all leases when it was opened. An instance that was silent itself
	 * for longer than the timeout hands nothing back on its first heartbeat after that, so that
	 * instances coming back from a database outage do not take each other's calls before each could
	 * beat again.
	 * @param instance this instance
	 * @param timeout how long an instance may be silent
	 * @return the instances registered in the store, this one included
	 */
	List<Instance> heartbeat(Instance instance, Duration timeout) {
		long now = this.clock.millis();
		boolean heardThroughout = this.writes.write(() -> beat(instance, timeout, now));
		this.writes.write(() -> {
			if (this.dialect.shared() && heardThroughout && reclaim(timeout, now) > 0) {
				this.writes.notifyDue();
			}
			forgetLongSilent();
			return null;
		});
		return registered();
	}

	/**
	 * Renews this instance's row, creating it on the first heartbeat.
	 * @param instance this instance
	 * @param timeout how long an instance may be silent
	 * @param now the time of this heartbeat, by this instance's clock
	 * @return whether this is the first heartbeat or the last one was within the timeout; if not, this
	 * instance was cut off from the database or frozen itself, and the others may be silent only
	 * because they were cut off too
	 */
	private boolean beat(Instance instance, Duration timeout, long now) {
		this.jdbc.update("INSERT INTO " + this.instances + " (id, application, endpoint, functions, started_at, "
				+ "heartbeat_at) VALUES (?, ?, ?, ?, ?, " + this.databaseNow + ") ON CONFLICT (id) DO UPDATE SET "
				+ "application = excluded.application, endpoint = excluded.endpoint, functions = excluded.functions, "
				+ "heartbeat_at = excluded.heartbeat_at", this.instanceId, instance.application(), instance.endpoint(),
				String.join(",", instance.functions().stream().sorted().toList()), instance.startedAt().toEpochMilli());
		boolean heardThroughout = this.lastBeat < 0 || now - this.lastBeat <= timeout.toMillis();
		this.lastBeat = now;
		return heardThroughout;
	}

	/**
	 * Hands back the calls leased by other instances silent for longer than the timeout.
	 * @param timeout how long an instance may be silent
	 * @param dueAt when the calls are due
	 * @return how many calls were handed back
	 */
	private int reclaim(Duration timeout, long dueAt) {
		Map<String, String> silent = new LinkedHashMap<>();
		this.jdbc.query("SELECT id, endpoint FROM " + this.instances + " WHERE heartbeat_at < " + this.databaseNow
				+ " - ? AND id <> ? ORDER BY id", (row) -> {
					silent.put(row.getString("id"), row.getString("endpoint"));
				}, timeout.toMillis(), this.instanceId);
		if (silent.isEmpty()) {
			return 0;
		}
		List<Object> parameters = new ArrayList<>(silent.size() + 1);
		parameters.add(dueAt);
		parameters.addAll(silent.keySet());
		int reclaimed = this.jdbc.update("UPDATE " + this.calls + " SET " + CallRows.HANDED_BACK
				+ " WHERE id IN (SELECT id FROM " + this.calls + " WHERE lease_owner IN ("
				+ CallRows.placeholders(silent.size()) + ") AND state = 'RUNNING' ORDER BY id COLLATE \"C\" FOR UPDATE)",
				parameters.toArray());
		if (reclaimed > 0) {
			logger.info("Handed back " + reclaimed + " calls of instances silent for more than " + timeout + " (at "
					+ String.join(", ", silent.values()) + "); they run again at once");
		}
		return reclaimed;
	}

	/** Removes the rows of instances silent for longer than {@link #FORGOTTEN_AFTER}. */
	private void forgetLongSilent() {
		this.jdbc.update("DELETE FROM " + this.instances + " WHERE heartbeat_at < " + this.databaseNow + " - ?",
				FORGOTTEN_AFTER.toMillis());
	}

	/**
	 * The instances registered in the store.
	 * @return the instances, this one included once it has beaten
	 */
	List<Instance> registered() {
		return this.jdbc.query("SELECT application, endpoint, functions, started_at FROM " + this.instances,
				(row, i) -> new Instance(row.getString("application"), row.getString("endpoint"),
						Arrays.stream(row.getString("functions").split(","))
							.filter((name) -> !name.isEmpty())
							.collect(Collectors.toSet()),
						Instant.ofEpochMilli(row.getLong("started_at"))));
	}

}
