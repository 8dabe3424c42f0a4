package io.github.dispatchspring.scheduler.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.RetryPolicy;
import io.github.dispatchspring.scheduler.Transition;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.result;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing a PostgreSQL store, each a store object of its own, claim calls of a limited
 * function from eight threads released at the same moment, round after round: together they lease
 * no more calls than the function's limits allow, and as many as they allow.
 */
class PostgresFunctionLimitsTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final int CLAIMERS_PER_INSTANCE = 4;

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final ExecutorService claimers = Executors.newFixedThreadPool(2 * CLAIMERS_PER_INSTANCE);

	@AfterEach
	void stopClaimers() {
		this.claimers.shutdownNow();
	}

	@Test
	void instancesClaimingAtOnceLeaseNoMoreCallsThanTheConcurrency() throws Exception {
		FlowControl flow = flow(new FunctionPolicy(retry(), Duration.ofMinutes(4), null, 3, null, 0));
		JdbcCallStore first = store(flow);
		JdbcCallStore second = store(flow);
		first.add(calls(30));

		for (int round = 0; round < 10; round++) {
			List<ClaimedCall> leased = claimAtOnce(first, second);
			assertThat(leased).as("calls leased in round %d", round).hasSize(3);
			leased.forEach((call) -> assertThat(record(first, new Transition.Complete(call, result(call, "done"))))
				.isTrue());
		}
		assertThat(claimAtOnce(first, second)).isEmpty();
	}

	@Test
	void instancesClaimingAtOnceStartNoMoreCallsThanTheRateLimit() throws Exception {
		Duration period = Duration.ofMinutes(1);
		FlowControl flow = flow(
				new FunctionPolicy(retry(), Duration.ofMinutes(4), null, 0, new FunctionPolicy.RateLimit(5, period), 0));
		JdbcCallStore first = store(flow);
		JdbcCallStore second = store(flow);
		first.add(calls(20));

		for (int round = 0; round < 4; round++) {
			List<ClaimedCall> leased = claimAtOnce(first, second);
			assertThat(leased).as("calls started in period %d", round).hasSize(5);
			leased.forEach((call) -> record(first, new Transition.Complete(call, result(call, "done"))));
			assertThat(claimAtOnce(first, second)).isEmpty();
			this.clock.advance(period);
		}
	}

	/** Claims from every claimer thread at once, half of them on each instance. */
	private List<ClaimedCall> claimAtOnce(JdbcCallStore first, JdbcCallStore second) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2 * CLAIMERS_PER_INSTANCE);
		List<Future<List<ClaimedCall>>> claims = new ArrayList<>();
		for (int i = 0; i < 2 * CLAIMERS_PER_INSTANCE; i++) {
			JdbcCallStore instance = (i % 2 == 0) ? first : second;
			claims.add(this.claimers.submit(() -> {
				together.await(1, TimeUnit.MINUTES);
				return instance.claim(10, LEASE);
			}));
		}
		List<ClaimedCall> leased = new ArrayList<>();
		for (Future<List<ClaimedCall>> claim : claims) {
			leased.addAll(claim.get(1, TimeUnit.MINUTES));
		}
		return leased;
	}

	private List<NewCall> calls(int count) {
		List<NewCall> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "call-" + i;
			calls.add(new NewCall(id, "limited", "http://localhost:8080", value(id), null, id, 0, false,
					this.clock.instant().minusSeconds(count - i), null));
		}
		return calls;
	}

	private JdbcCallStore store(FlowControl flow) {
		return MigratedStores.store(this.database.dataSource(), "dispatch_", this.clock, flow);
	}

	private static FlowControl flow(FunctionPolicy limited) {
		return FlowControl.of(new FunctionPolicies(Map.of("limited", limited),
				new FunctionPolicy(retry(), Duration.ofMinutes(4), null, 0, null, 0)));
	}

	private static RetryPolicy retry() {
		return new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20);
	}

}
