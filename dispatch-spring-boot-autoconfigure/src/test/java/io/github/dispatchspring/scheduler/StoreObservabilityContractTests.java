package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store keeps and tells so that the application can be watched: the trace context of each
 * call, and its {@link StoreStatistics}. A subclass per store supplies the store.
 */
public abstract class StoreObservabilityContractTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final String TRACE = "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private CallStore store;

	private StoreStatistics statistics;

	/**
	 * Creates an empty store.
	 * @param clock the clock the store reads the time from
	 * @param flow the order of claims and the limits of functions
	 * @return the store and its statistics
	 */
	protected abstract Observed createStore(Clock clock, FlowControl flow);

	/** Creates the store, with function {@code limited} held to one call running at once. */
	@BeforeEach
	void setUpStore() {
		RetryPolicy retry = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20);
		FunctionPolicy otherwise = new FunctionPolicy(retry, Duration.ofMinutes(4), null, 0, null, 0);
		FunctionPolicy limited = new FunctionPolicy(retry, Duration.ofMinutes(4), null, 1, null, 0);
		Observed observed = createStore(this.clock,
				FlowControl.of(new FunctionPolicies(Map.of("limited", limited), otherwise)));
		this.store = observed.store();
		this.statistics = observed.statistics();
	}

	@Test
	void keepsTheTraceContextOfACallAndOfTheCallsItWaitsFor() {
		this.store.add(List.of(call("parent", TRACE)));
		ClaimedCall parent = claimOne();
		assertThat(parent.call().traceContext()).isEqualTo(TRACE);

		NewCall child = new NewCall("child", "fn", "", input("child"), "parent", "parent", 0, true,
				this.clock.instant(), null, "traceparent: 00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
		record(this.store, new Transition.Suspend(parent, input("journal"), 1, 1, null, List.of(child)));

		assertThat(claimOne().call()).isEqualTo(child);
		assertThat(this.store.children("parent")).containsExactly(child);
	}

	@Test
	void keepsTheTraceContextThroughATailCall() {
		this.store.add(List.of(call("a", TRACE)));
		record(this.store, new Transition.TailCall(claimOne(), "next", input("x")));

		ClaimedCall next = claimOne();

		assertThat(next.call().function()).isEqualTo("next");
		assertThat(next.call().traceContext()).isEqualTo(TRACE);
	}

	@Test
	void countsTheCallsInEachState() {
		this.store.add(List.of(call("ended", null), call("suspended", null), call("running", null)));
		List<ClaimedCall> claimed = this.store.claim(3, LEASE);
		record(this.store, new Transition.Complete(claimed(claimed, "ended"), result("ended")));
		record(this.store, new Transition.Suspend(claimed(claimed, "suspended"), input("journal"), 1, 1, null,
				List.of(new NewCall("child", "fn", "", input("c"), "suspended", "suspended", 0, true,
						this.clock.instant(), null))));
		this.store.add(List.of(call("pending", null)));

		assertThat(this.statistics.counts()).isEqualTo(new StoreStatistics.Counts(2, 1, 1, 1));
	}

	@Test
	void tellsTheCallsDueWithTheOldestAndTheCallsLeased() {
		Instant start = this.clock.instant();
		this.store.add(List.of(call("leased", null)));
		claimOne();
		this.store.add(List.of(call("first", null)));
		this.clock.advance(Duration.ofSeconds(5));
		this.store.add(List.of(call("second", null), callDueAt("later", start.plusSeconds(30))));
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.statistics.backlog(this.clock.instant())).isEqualTo(new StoreStatistics.Backlog(2, start, 1));
		assertThat(this.statistics.backlog(start.plusSeconds(30))).isEqualTo(new StoreStatistics.Backlog(3, start, 1));
	}

	@Test
	void tellsACallWhoseLeaseExpiredAsDue() {
		this.store.add(List.of(call("a", null)));
		claimOne();
		Instant expiry = this.clock.instant().plus(LEASE);

		StoreStatistics.Backlog backlog = this.statistics.backlog(expiry.plusSeconds(10));

		assertThat(backlog.due()).isEqualTo(1);
		assertThat(backlog.oldestDue()).isEqualTo(expiry);
		assertThat(backlog.oldestDueAge(expiry.plusSeconds(10))).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void tellsCallsHeldBackByTheLimitOfTheirFunctionAsDue() {
		Instant start = this.clock.instant();
		this.store.add(List.of(callOf("limited", "running"), callOf("limited", "held back")));
		claimOne();
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.statistics.backlog(this.clock.instant())).isEqualTo(new StoreStatistics.Backlog(1, start, 1));
		assertThat(this.statistics.counts()).isEqualTo(new StoreStatistics.Counts(1, 1, 0, 0));
	}

	@Test
	void tellsAnEmptyBacklogWithoutAnOldestDueCall() {
		assertThat(this.statistics.backlog(this.clock.instant())).isEqualTo(new StoreStatistics.Backlog(0, null, 0));
		assertThat(this.statistics.counts()).isEqualTo(new StoreStatistics.Counts(0, 0, 0, 0));
	}

	private ClaimedCall claimOne() {
		List<ClaimedCall> claimed = this.store.claim(100, LEASE);
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private static ClaimedCall claimed(List<ClaimedCall> claimed, String id) {
		return claimed.stream().filter((call) -> call.id().equals(id)).findFirst().orElseThrow();
	}

	private NewCall call(String id, @Nullable String traceContext) {
		return new NewCall(id, "fn", "", input(id), null, id, 0, false, this.clock.instant(), null, traceContext);
	}

	private NewCall callOf(String function, String id) {
		return new NewCall(id, function, "", input(id), null, id, 0, false, this.clock.instant(), null);
	}

	private static NewCall callDueAt(String id, Instant createdAt) {
		return new NewCall(id, "fn", "", input(id), null, id, 0, false, createdAt, null);
	}

	private static CallResult result(String id) {
		return CallResult.newBuilder().setDispatchId(id).setOutput(input(id)).build();
	}

	private static Any input(String value) {
		return Any.pack(StringValue.of(value));
	}

	/**
	 * A store and its statistics.
	 *
	 * @param store the store
	 * @param statistics its statistics
	 */
	public record Observed(CallStore store, StoreStatistics statistics) {
	}

}
