package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Instance;
import io.github.dispatchspring.scheduler.Transition;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.call;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.result;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing a PostgreSQL store, each a store object of its own: heartbeats register
 * them, and the calls of an instance that fell silent are handed back without waiting for their
 * leases, its workers fenced. An instance falls silent here by moving its last heartbeat back in its
 * row, which is all the other instance reads; leases and the timeout are the defaults.
 */
class PostgresInstancesTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	private final JdbcCallStore first = store();

	private final JdbcCallStore second = store();

	private final Instance firstInstance = instance("http://10.0.0.1:8080");

	private final Instance secondInstance = instance("http://10.0.0.2:8080");

	@Test
	void handsBackTheCallsOfASilentInstanceWithoutWaitingForTheirLeases() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		this.first.add(List.of(call("a"), call("b")));
		assertThat(this.first.claim(10, LEASE)).hasSize(2);
		silence(this.firstInstance, TIMEOUT.plusSeconds(1));

		this.second.heartbeat(this.secondInstance, TIMEOUT);
		List<ClaimedCall> reclaimed = this.second.claim(10, LEASE);

		assertThat(reclaimed).extracting(ClaimedCall::id).containsExactlyInAnyOrder("a", "b");
		assertThat(reclaimed).extracting(ClaimedCall::attempt).containsOnly(0);
	}

	@Test
	void leavesTheCallsOfAnInstanceSilentForLessThanTheTimeout() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		this.first.add(List.of(call("a")));
		assertThat(this.first.claim(10, LEASE)).hasSize(1);
		silence(this.firstInstance, TIMEOUT.minusSeconds(2));

		this.second.heartbeat(this.secondInstance, TIMEOUT);

		assertThat(this.second.claim(10, LEASE)).isEmpty();
	}

	@Test
	void handsNothingBackOnTheFirstHeartbeatAfterItsOwnSilence() {
		MutableClock clock = new MutableClock(Instant.now());
		JdbcCallStore third = MigratedStores.store(this.database.dataSource(), "dispatch_", clock);
		Instance thirdInstance = instance("http://10.0.0.3:8080");
		third.heartbeat(thirdInstance, TIMEOUT);
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		this.first.add(List.of(call("a")));
		assertThat(this.first.claim(10, LEASE)).hasSize(1);
		silence(this.firstInstance, TIMEOUT.plusSeconds(1));
		clock.advance(TIMEOUT.plusSeconds(1));

		third.heartbeat(thirdInstance, TIMEOUT);
		assertThat(third.claim(10, LEASE)).as("calls claimed after a heartbeat that followed a silence").isEmpty();
		third.heartbeat(thirdInstance, TIMEOUT);
		assertThat(third.claim(10, LEASE)).extracting(ClaimedCall::id).containsExactly("a");
	}

	@Test
	void fencesTheWorkerOfAHandedBackCall() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		this.first.add(List.of(call("a")));
		ClaimedCall lost = this.first.claim(10, LEASE).get(0);
		silence(this.firstInstance, TIMEOUT.plusSeconds(1));
		this.second.heartbeat(this.secondInstance, TIMEOUT);

		this.first.renew(List.of(lost), LEASE);
		List<ClaimedCall> taken = this.second.claim(10, LEASE);

		assertThat(taken).extracting(ClaimedCall::id).containsExactly("a");
		assertThat(record(this.first, new Transition.Complete(lost, result(lost, "lost")))).isFalse();
		assertThat(record(this.second, new Transition.Complete(taken.get(0), result(taken.get(0), "taken")))).isTrue();
		assertThat(this.second.results(Set.of("a")).get("a").getOutput()).isEqualTo(value("taken"));
	}

	@Test
	void registersEachInstanceWithWhatItServes() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);

		assertThat(this.second.heartbeat(this.secondInstance, TIMEOUT)).containsExactlyInAnyOrder(this.firstInstance,
				this.secondInstance);
	}

	@Test
	void followsTheEndpointAndFunctionsOfAnInstanceAcrossHeartbeats() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		Instance moved = new Instance("invoices", "http://10.0.0.9:8080", Set.of("uploadToS3"),
				this.firstInstance.startedAt());

		this.first.heartbeat(moved, TIMEOUT);

		assertThat(this.second.heartbeat(this.secondInstance, TIMEOUT)).containsExactlyInAnyOrder(moved,
				this.secondInstance);
	}

	@Test
	void forgetsAnInstanceSilentForADay() {
		this.first.heartbeat(this.firstInstance, TIMEOUT);
		silence(this.firstInstance, Duration.ofHours(23));
		assertThat(this.second.heartbeat(this.secondInstance, TIMEOUT)).contains(this.firstInstance);

		silence(this.firstInstance, Duration.ofHours(25));

		assertThat(this.second.heartbeat(this.secondInstance, TIMEOUT)).containsExactly(this.secondInstance);
	}

	/** Moves an instance's last heartbeat back, by the database's clock, as if it had fallen silent. */
	private void silence(Instance instance, Duration silence) {
		assertThat(this.jdbc.update("UPDATE dispatch_instances SET heartbeat_at = "
				+ SqlDialect.POSTGRESQL.currentMillis() + " - ? WHERE endpoint = ?", silence.toMillis(),
				instance.endpoint())).isOne();
	}

	private JdbcCallStore store() {
		return MigratedStores.store(this.database.dataSource(), "dispatch_", Clock.systemUTC());
	}

	private static Instance instance(String endpoint) {
		return new Instance("invoices", endpoint, Set.of("generateInvoice", "generateInvoices"),
				Instant.parse("2030-01-01T00:00:00Z"));
	}

}
