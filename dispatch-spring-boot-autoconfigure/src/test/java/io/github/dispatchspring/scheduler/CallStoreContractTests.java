package io.github.dispatchspring.scheduler;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The behaviour every {@link CallStore} has. A subclass per store supplies the store.
 */
public abstract class CallStoreContractTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final Any STATE = Any.pack(StringValue.of("journal"));

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private CallStore store;

	/**
	 * Creates an empty store.
	 * @param clock the clock the store reads the time from
	 * @param flow the order of claims and the limits of functions
	 * @return the store
	 */
	protected abstract CallStore createStore(Clock clock, FlowControl flow);

	@BeforeEach
	void setUpStore() {
		this.store = createStore(this.clock, FlowControl.none());
	}

	@Test
	void claimsAnAddedCallWithItsInputForAFirstAttempt() {
		NewCall call = call("a");
		this.store.add(List.of(call));

		ClaimedCall claimed = claimOne();

		assertThat(claimed.call()).isEqualTo(call);
		assertThat(claimed.state()).isNull();
		assertThat(claimed.results()).isEmpty();
		assertThat(claimed.attempt()).isZero();
	}

	@Test
	void claimsOnlyCallsThatAreDue() {
		this.store.add(List.of(call("now"), callCreatedAt("later", this.clock.instant().plusSeconds(30))));

		assertThat(ids(claim())).containsExactly("now");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(ids(claim())).containsExactly("later");
	}

	@Test
	void claimsAtMostTheLimit() {
		this.store.add(List.of(call("a"), call("b"), call("c"), call("d"), call("e")));

		assertThat(this.store.claim(2, LEASE)).hasSize(2);
		assertThat(this.store.claim(10, LEASE)).hasSize(3);
	}

	@Test
	void claimsALeasedCallAgainOnlyOnceItsLeaseExpired() {
		this.store.add(List.of(call("a")));
		ClaimedCall first = claimOne();

		assertThat(claim()).isEmpty();
		this.clock.advance(LEASE.plusSeconds(1));
		ClaimedCall second = claimOne();

		assertThat(second.id()).isEqualTo("a");
		assertThat(second.leaseToken()).isNotEqualTo(first.leaseToken());
	}

	@Test
	void ignoresACompletionUnderAStaleLease() {
		this.store.add(List.of(call("a")));
		ClaimedCall stale = claimOne();
		this.clock.advance(LEASE.plusSeconds(1));
		ClaimedCall current = claimOne();

		assertThat(record(this.store, new Transition.Complete(stale, result(stale, "stale")))).isFalse();
		assertThat(this.store.results(Set.of("a"))).isEmpty();
		assertThat(record(this.store, new Transition.Complete(current, result(current, "current")))).isTrue();
	}

	@Test
	void ignoresEveryTransitionUnderAStaleLease() {
		this.store.add(List.of(call("a")));
		ClaimedCall stale = claimOne();
		this.clock.advance(LEASE.plusSeconds(1));
		claimOne();

		assertThat(record(this.store, new Transition.Retry(stale, this.clock.instant(), false))).isFalse();
		assertThat(record(this.store, new Transition.Suspend(stale, STATE, 1, 1, null, List.of()))).isFalse();
		assertThat(record(this.store, new Transition.TailCall(stale, "other", input("x")))).isFalse();
		assertThat(record(this.store, new Transition.Defer(stale, this.clock.instant()))).isFalse();
		assertThat(record(this.store, new Transition.Complete(stale, result(stale, "x")))).isFalse();
	}

	@Test
	void makesAReleasedCallDueAtOnceForTheAttemptItInterrupted() {
		this.store.add(List.of(call("a")));
		ClaimedCall first = claimOne();

		this.store.release(List.of(first));
		ClaimedCall second = claimOne();

		assertThat(second.id()).isEqualTo("a");
		assertThat(second.attempt()).isZero();
		assertThat(second.leaseToken()).isNotEqualTo(first.leaseToken());
	}

	@Test
	void releasesAResumedCallWithItsStateAndResults() {
		suspendedParent(2, 10, null, "c1", "c2");
		List<ClaimedCall> children = claim();
		complete(children, "c1");
		complete(children, "c2");
		ClaimedCall resumed = claimOne();

		this.store.release(List.of(resumed));
		ClaimedCall again = claimOne();

		assertThat(again.state()).isEqualTo(STATE);
		assertThat(again.results()).extracting(CallResult::getDispatchId).containsExactlyInAnyOrder("c1", "c2");
	}

	@Test
	void refusesTheOutcomeAndTheRenewalOfAReleasedLease() {
		this.store.add(List.of(call("a")));
		ClaimedCall released = claimOne();
		this.store.release(List.of(released));

		this.store.renew(List.of(released), LEASE);
		assertThat(record(this.store, new Transition.Complete(released, result(released, "released")))).isFalse();
		assertThat(this.store.results(Set.of("a"))).isEmpty();
		ClaimedCall current = claimOne();
		assertThat(record(this.store, new Transition.Complete(current, result(current, "current")))).isTrue();
	}

	@Test
	void leavesACallLeasedAgainAloneWhenAnEarlierLeaseIsReleased() {
		this.store.add(List.of(call("a")));
		ClaimedCall stale = claimOne();
		this.clock.advance(LEASE.plusSeconds(1));
		ClaimedCall current = claimOne();

		this.store.release(List.of(stale));

		assertThat(claim()).isEmpty();
		assertThat(record(this.store, new Transition.Complete(current, result(current, "current")))).isTrue();
	}

	@Test
	void registersThisInstanceOnItsHeartbeat() {
		Instance instance = new Instance("invoices", "http://10.0.0.1:8080", Set.of("generateInvoice", "uploadToS3"),
				this.clock.instant());

		assertThat(this.store.heartbeat(instance, Duration.ofSeconds(10))).containsExactly(instance);
	}

	@Test
	void recordsTheResultOfACompletedCallAndNeverClaimsItAgain() {
		this.store.add(List.of(call("a")));
		ClaimedCall claimed = claimOne();
		CallResult result = result(claimed, "done");

		assertThat(record(this.store, new Transition.Complete(claimed, result))).isTrue();
		this.clock.advance(LEASE.plusSeconds(1));

		assertThat(this.store.results(Set.of("a"))).containsExactlyEntriesOf(Map.of("a", result));
		assertThat(claim()).isEmpty();
	}

	@Test
	void answersResultsOfEndedCallsOnly() {
		this.store.add(List.of(call("ended"), call("running"),
				callCreatedAt("pending", this.clock.instant().plusSeconds(30))));
		List<ClaimedCall> claimed = claim();
		complete(claimed, "ended");

		assertThat(this.store.results(Set.of("ended", "running", "pending", "unknown"))).containsOnlyKeys("ended");
	}

	@Test
	void makesASuspendedParentDueWhenItsMinimumOfResultsArrived() {
		ClaimedCall parent = suspendedParent(2, 10, null, "c1", "c2", "c3");
		List<ClaimedCall> children = claim();
		assertThat(ids(children)).containsExactlyInAnyOrder("c1", "c2", "c3");

		complete(children, "c1");
		assertThat(claim()).isEmpty();
		complete(children, "c2");
		ClaimedCall resumed = claimOne();

		assertThat(resumed.id()).isEqualTo(parent.id());
		assertThat(resumed.state()).isEqualTo(STATE);
		assertThat(resumed.results()).extracting(CallResult::getDispatchId).containsExactlyInAnyOrder("c1", "c2");
	}

	@Test
	void resumesASuspendedParentWithAtMostItsMaximumOfResults() {
		suspendedParent(3, 2, null, "c1", "c2", "c3");
		List<ClaimedCall> children = claim();
		children.forEach((child) -> record(this.store, new Transition.Complete(child, result(child, child.id()))));

		assertThat(claimOne().results()).hasSize(2);
	}

	@Test
	void keepsResultsOfCallsNotStartedByAPollOutOfTheInbox() {
		ClaimedCall parent = suspendedParent(1, 10, null);
		NewCall batched = new NewCall("batched", "child", "http://localhost:8080", input("b"), parent.id(),
				parent.id(), 0, false, this.clock.instant(), null);
		this.store.add(List.of(batched));
		ClaimedCall claimed = claimOne();

		record(this.store, new Transition.Complete(claimed, result(claimed, "b")));

		assertThat(claim()).isEmpty();
	}

	@Test
	void makesASuspendedCallDueAtItsDeadline() {
		ClaimedCall parent = suspendedParent(1, 10, this.clock.instant().plusSeconds(30));

		assertThat(claim()).isEmpty();
		this.clock.advance(Duration.ofSeconds(30));
		ClaimedCall resumed = claimOne();

		assertThat(resumed.id()).isEqualTo(parent.id());
		assertThat(resumed.state()).isEqualTo(STATE);
		assertThat(resumed.results()).isEmpty();
	}

	@Test
	void retriesACallAtItsDueTimeAsTheNextAttempt() {
		this.store.add(List.of(call("a")));
		ClaimedCall claimed = claimOne();

		assertThat(record(this.store, new Transition.Retry(claimed, this.clock.instant().plusSeconds(10), false)))
			.isTrue();
		assertThat(claim()).isEmpty();
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(claimOne().attempt()).isEqualTo(1);
	}

	@Test
	void defersACallToItsDueTimeWithoutCountingTheAttemptItWasLeasedFor() {
		this.store.add(List.of(call("a")));
		record(this.store, new Transition.Retry(claimOne(), this.clock.instant(), false));
		ClaimedCall second = claimOne();

		assertThat(record(this.store, new Transition.Defer(second, this.clock.instant().plusSeconds(10)))).isTrue();
		assertThat(claim()).isEmpty();
		this.clock.advance(Duration.ofSeconds(10));
		ClaimedCall again = claimOne();

		assertThat(again.attempt()).isEqualTo(1);
		assertThat(again.leaseToken()).isNotEqualTo(second.leaseToken());
		assertThat(record(this.store, new Transition.Complete(second, result(second, "deferred")))).isFalse();
		assertThat(record(this.store, new Transition.Complete(again, result(again, "again")))).isTrue();
	}

	@Test
	void keepsTheStateAndResultsOfADeferredResumedCall() {
		suspendedParent(2, 10, null, "c1", "c2");
		List<ClaimedCall> children = claim();
		complete(children, "c1");
		complete(children, "c2");
		ClaimedCall resumed = claimOne();

		assertThat(record(this.store, new Transition.Defer(resumed, this.clock.instant().plusSeconds(5)))).isTrue();
		assertThat(claim()).isEmpty();
		this.clock.advance(Duration.ofSeconds(5));
		ClaimedCall again = claimOne();

		assertThat(again.id()).isEqualTo(resumed.id());
		assertThat(again.state()).isEqualTo(STATE);
		assertThat(again.results()).extracting(CallResult::getDispatchId).containsExactlyInAnyOrder("c1", "c2");
	}

	@Test
	void tellsTheStateAttemptsLastErrorAndOutcomeOfACall() {
		CallStatuses statuses = (CallStatuses) this.store;
		this.store.add(List.of(call("a")));
		assertThat(statuses.status("a")).extracting(CallStatus::state, CallStatus::attempts, CallStatus::outcome)
			.containsExactly(CallStatus.State.PENDING, 0, null);
		CallResult failure = CallResult.newBuilder()
			.setError(io.github.dispatchspring.proto.Error.newBuilder().setType("IOException").setMessage("disk"))
			.build();
		record(this.store, new Transition.Retry(claimOne(), this.clock.instant(), false,
				DispatchStatus.TEMPORARY_ERROR, failure));
		ClaimedCall second = claimOne();
		assertThat(statuses.status("a")).extracting(CallStatus::state, CallStatus::attempts, CallStatus::lastErrorType,
				CallStatus::lastErrorMessage, CallStatus::outcome)
			.containsExactly(CallStatus.State.RUNNING, 2, "IOException", "disk", DispatchStatus.TEMPORARY_ERROR);
		assertThat(statuses.outcomes(List.of("a"))).isEmpty();
		this.clock.advance(Duration.ofSeconds(3));
		record(this.store, new Transition.Complete(second, result(second, "a"), DispatchStatus.OK));
		CallStatus done = statuses.status("a");
		assertThat(done.state()).isEqualTo(CallStatus.State.DONE);
		assertThat(done.lastErrorType()).isEqualTo("IOException");
		assertThat(done.createdAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(done.endedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:03Z"));
		assertThat(statuses.outcomes(List.of("a", "unknown"))).containsExactly(Map.entry("a", DispatchStatus.OK));
		assertThat(statuses.status("unknown")).isNull();
	}

	@Test
	void addsOneCallPerIdempotencyKey() {
		IdempotentCalls calls = (IdempotentCalls) this.store;
		assertThat(calls.addOnce(call("first"), "order-1")).isEqualTo("first");
		assertThat(calls.addOnce(call("second"), "order-1")).isEqualTo("first");
		assertThat(calls.addOnce(call("third"), "order-2")).isEqualTo("third");
		assertThat(this.store.existing(List.of("first", "second", "third"))).containsExactlyInAnyOrder("first", "third");
		assertThat(ids(claim())).containsExactlyInAnyOrder("first", "third");
	}

	@Test
	void keepsAnIdempotencyKeyUntilItsCallIsPurged() {
		IdempotentCalls calls = (IdempotentCalls) this.store;
		calls.addOnce(call("first"), "order-1");
		complete(claim(), "first");
		assertThat(calls.addOnce(call("while-kept"), "order-1")).isEqualTo("first");
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.store.purge(this.clock.instant(), 10)).isEqualTo(1);

		assertThat(calls.addOnce(call("after-purge"), "order-1")).isEqualTo("after-purge");
		assertThat(this.store.exists("while-kept")).isFalse();
	}

	@Test
	void keepsTheStateOfARetriedCall() {
		ClaimedCall resumed = resumedAtDeadline();

		record(this.store, new Transition.Retry(resumed, this.clock.instant(), false));

		assertThat(claimOne().state()).isEqualTo(STATE);
	}

	@Test
	void dropsTheStateOfARestartedCall() {
		ClaimedCall resumed = resumedAtDeadline();

		assertThat(record(this.store, new Transition.Retry(resumed, this.clock.instant(), true))).isTrue();
		ClaimedCall restarted = claimOne();

		assertThat(restarted.state()).isNull();
		assertThat(restarted.results()).isEmpty();
		assertThat(restarted.call().input()).isEqualTo(input("a"));
	}

	@Test
	void replacesFunctionAndInputOnATailCallKeepingTheIds() {
		this.store.add(List.of(call("a")));
		ClaimedCall claimed = claimOne();

		assertThat(record(this.store, new Transition.TailCall(claimed, "next", input("tail")))).isTrue();
		ClaimedCall tail = claimOne();

		assertThat(tail.id()).isEqualTo("a");
		assertThat(tail.call().function()).isEqualTo("next");
		assertThat(tail.call().input()).isEqualTo(input("tail"));
		assertThat(tail.call().rootId()).isEqualTo(claimed.call().rootId());
		assertThat(tail.state()).isNull();
	}

	@Test
	void purgesCallsThatEndedBeforeTheCutoffOldestFirst() {
		this.store.add(List.of(call("first"), call("second"), call("third"), call("running")));
		List<ClaimedCall> claimed = claim();
		complete(claimed, "first");
		this.clock.advance(Duration.ofSeconds(10));
		complete(claimed, "second");
		complete(claimed, "third");
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.store.purge(this.clock.instant().minusSeconds(15), 10)).isEqualTo(1);
		assertThat(this.store.exists("first")).isFalse();
		assertThat(this.store.purge(this.clock.instant(), 1)).isEqualTo(1);
		assertThat(this.store.purge(this.clock.instant(), 10)).isEqualTo(1);
		assertThat(this.store.exists("running")).isTrue();
		assertThat(this.store.results(Set.of("first", "second", "third"))).isEmpty();
	}

	@Test
	void knowsWhichCallsWereAccepted() {
		this.store.add(List.of(call("a")));

		assertThat(this.store.exists("a")).isTrue();
		assertThat(this.store.exists("b")).isFalse();
	}

	@Test
	void knowsWhichOfManyCallsWereAccepted() {
		this.store.add(List.of(call("a"), call("b")));

		assertThat(this.store.existing(List.of("a", "b", "c"))).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void addsNoneOfABatchWhenOneCallCannotBeAdded() {
		assertThatException().isThrownBy(() -> this.store.add(List.of(call("b"), call("x".repeat(65)))));
		assertThat(this.store.exists("b")).isFalse();
	}

	@Test
	void recordsTheOtherTransitionsOfAGroupCommitInWhichTheStoreRefusesOne() throws InterruptedException {
		RuntimeException refusal = new DataIntegrityViolationException("value too long for type character varying(512)");
		Map<String, QueuedBatch.Outcome> outcomes = writeQueuedBatch(refusal);

		assertThat(outcomes.remove("c7")).isEqualTo(new QueuedBatch.Outcome(null, refusal));
		assertThat(outcomes).hasSize(19).allSatisfy((id, outcome) -> assertThat(outcome.held()).isTrue());
		assertThat(this.store.results(outcomes.keySet())).hasSize(19);
		assertThat(this.store.exists("c7-child")).isFalse();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(ids(claim())).containsExactly("c7");
	}

	@Test
	void failsAWholeGroupCommitAtOnceWhenTheStoreItselfFails() throws InterruptedException {
		RuntimeException outage = new DataAccessResourceFailureException("Connection refused");
		RefusingCallStore refusing = new RefusingCallStore(this.store, "c7", outage);
		Map<String, QueuedBatch.Outcome> outcomes = writeQueuedBatch(refusing);

		assertThat(outcomes).hasSize(20).allSatisfy((id, outcome) -> assertThat(outcome.failure()).isSameAs(outage));
		assertThat(refusing.writes()).as("writes: the held one and the batch, not split").isEqualTo(2);
		assertThat(this.store.results(outcomes.keySet())).isEmpty();
	}

	@Test
	void endsOnlyTheCallWhosePollAsksForAnInvalidCallAmongAThousand() throws InterruptedException {
		ResultWaiter waiter = new ResultWaiter(this.store, Clock.systemUTC());
		try (PollingEndpoint endpoint = PollingEndpoint.start("p500")) {
			EmbeddedScheduler scheduler = scheduler(this.store, waiter, this.clock);
			scheduler.start();
			try {
				List<NewCall> parents = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					parents.add(new NewCall("parent-" + i, "parent", endpoint.url(), input("p" + i), null, "parent-" + i,
							0, false, this.clock.instant(), null));
				}
				this.store.add(parents);
				scheduler.wakeUp();
				List<CallResult> results = waiter.await(parents.stream().map(NewCall::id).toList(), Duration.ofMinutes(2));

				for (int i = 0; i < 1000; i++) {
					if (i != 500) {
						assertThat(results.get(i).getOutput()).as("parent-" + i).isEqualTo(input("P" + i));
					}
				}
				assertThat(results.get(500).getError().getType()).isEqualTo("InvalidResponse");
				assertThat(results.get(500).getError().getMessage())
					.startsWith("the endpoint answered a poll whose calls[0].function 'child_xxx")
					.contains("(600 characters) is not a valid function name");
				assertThat(endpoint.runs().count("parent:resumed")).isEqualTo(999);
				assertThat(endpoint.runs().count(PollingEndpoint.INVALID_FUNCTION + ":p500")).isZero();
			}
			finally {
				scheduler.stop();
			}
		}
	}

	/**
	 * Writes, through one group commit, the completions of 19 calls and the suspension of call
	 * {@code c7} with a child, after a held write of another call.
	 */
	private Map<String, QueuedBatch.Outcome> writeQueuedBatch(RuntimeException refusal) throws InterruptedException {
		return writeQueuedBatch(new RefusingCallStore(this.store, "c7", refusal));
	}

	private Map<String, QueuedBatch.Outcome> writeQueuedBatch(RefusingCallStore refusing) throws InterruptedException {
		List<NewCall> calls = new ArrayList<>(List.of(call("held")));
		for (int i = 0; i < 20; i++) {
			calls.add(call("c" + i));
		}
		this.store.add(calls);
		List<ClaimedCall> claimed = claim();
		ClaimedCall held = claimed.stream().filter((call) -> call.id().equals("held")).findFirst().orElseThrow();
		List<Transition> batch = new ArrayList<>();
		for (ClaimedCall call : claimed) {
			if (call.id().equals("c7")) {
				NewCall child = new NewCall("c7-child", "child", "http://localhost:8080", input("child"), "c7", "c7", 0,
						true, this.clock.instant(), null);
				batch.add(new Transition.Suspend(call, STATE, 1, 1, null, List.of(child)));
			}
			else if (call != held) {
				batch.add(new Transition.Complete(call, result(call, call.id())));
			}
		}
		return QueuedBatch.write(refusing, new Transition.Complete(held, result(held, "held")), batch);
	}

	/**
	 * A scheduler on the store, reading the time from the store's clock, which stands still: every
	 * call is due as soon as it is added or resumed, and no lease expires.
	 */
	private static EmbeddedScheduler scheduler(CallStore store, ResultWaiter waiter, Clock clock) {
		AllowedEndpoints anyEndpoint = new AllowedEndpoints(List.of(AllowedEndpoints.ANY), Set::of);
		HttpCallInvoker invoker = new HttpCallInvoker(HttpClient.newHttpClient(), Duration.ofSeconds(30),
				EndpointRequestSigner.NONE, anyEndpoint, 16 * 1024 * 1024);
		StoreOutage outage = new StoreOutage();
		CallExecution execution = new CallExecution(new TransitionWriter(store), invoker,
				FunctionPolicies.of(FunctionPolicy.of(new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20),
						Duration.ofSeconds(30))),
				new DispatchRequestLimits(10_000, 1024 * 1024, anyEndpoint), outage, clock);
		RegisteredInstances instances = new RegisteredInstances("application", () -> "http://localhost:8080", Set::of,
				store::instances, clock);
		EmbeddedScheduler.Settings settings = new EmbeddedScheduler.Settings(64, 256, Duration.ofMinutes(5),
				Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(10), null);
		return new EmbeddedScheduler(store, execution, waiter,
				EmbeddedScheduler.Parts.of(store, instances, settings, outage, clock), settings);
	}

	@Test
	void keepsTheFirstCallWhenACallWithTheSameIdIsAddedAgain() {
		this.store.add(List.of(call("a")));
		ClaimedCall first = claimOne();
		record(this.store, new Transition.Complete(first, result(first, "first")));

		this.store.add(List.of(callWithInput("a", "again"), call("b")));

		assertThat(ids(claim())).containsExactly("b");
		assertThat(this.store.results(Set.of("a")).get("a").getOutput()).isEqualTo(input("first"));
	}

	@Test
	void keepsEveryInputOfABatchWhole() {
		List<String> inputs = List.of("s", "m".repeat(300), "l".repeat(70_000));
		this.store.add(List.of(callWithInput("a", inputs.get(0)), callWithInput("b", inputs.get(1)),
				callWithInput("c", inputs.get(2))));

		assertThat(claim()).extracting((claimed) -> claimed.call().input())
			.containsExactlyInAnyOrderElementsOf(inputs.stream().map(CallStoreContractTests::input).toList());
	}

	@Test
	void addsACallThatComesTwiceInOneBatchOnce() {
		this.store.add(List.of(call("a"), callWithInput("a", "again")));

		ClaimedCall claimed = claimOne();

		assertThat(claimed.call().input()).isEqualTo(input("a"));
	}

	@Test
	void startsNoChildOfASuspensionWhoseIdItHoldsAlready() {
		ClaimedCall parent = suspendedParent(1, 10, null, "c1");
		ClaimedCall child = claimOne();
		record(this.store, new Transition.Complete(child, result(child, "c1")));
		ClaimedCall resumed = claimOne();

		record(this.store, new Transition.Suspend(resumed, STATE, 1, 10, null,
				List.of(childOf(parent, "c1", 0), childOf(parent, "c2", 1))));

		assertThat(ids(claim())).containsExactly("c2");
		assertThat(this.store.results(Set.of("c1")).get("c1").getOutput()).isEqualTo(input("c1"));
	}

	@Test
	void listsTheCallsACallMade() {
		ClaimedCall parent = suspendedParent(1, 10, null, "c1", "c2");
		this.store.add(List.of(new NewCall("batched", "child", "http://localhost:8080", input("b"), parent.id(),
				parent.id(), 7, false, this.clock.instant(), null), call("other")));

		assertThat(this.store.children(parent.id())).extracting(NewCall::id)
			.containsExactlyInAnyOrder("c1", "c2", "batched");
		assertThat(this.store.children("other")).isEmpty();
	}

	@Test
	void keepsEndedCallsWhoseParentHasNotEndedWhenPurging() {
		ClaimedCall parent = suspendedParent(2, 10, null, "c1", "c2");
		List<ClaimedCall> children = claim();
		complete(children, "c1");
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.store.purge(this.clock.instant(), 10)).isZero();
		assertThat(this.store.results(Set.of("c1"))).containsOnlyKeys("c1");

		complete(children, "c2");
		ClaimedCall resumed = claimOne();
		record(this.store, new Transition.Complete(resumed, result(resumed, "parent done")));
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.store.purge(this.clock.instant(), 10)).isEqualTo(3);
		assertThat(this.store.existing(List.of(parent.id(), "c1", "c2"))).isEmpty();
	}

	@Test
	void leasesNoMoreCallsOfAFunctionThanItsConcurrency() {
		this.store = createStore(this.clock, flow(Map.of("limited", limits(3, null, 0))));
		this.store.add(callsOf("limited", "l1", "l2", "l3", "l4", "l5"));
		this.store.add(List.of(call("free")));

		List<ClaimedCall> first = claim();
		assertThat(ids(first)).containsExactlyInAnyOrder("l1", "l2", "l3", "free");
		assertThat(claim()).as("calls held back while three run").isEmpty();

		complete(first, "l2");
		List<ClaimedCall> next = claim();
		assertThat(ids(next)).containsExactly("l4");
		assertThat(next.get(0).attempt()).as("a held-back call was not an attempt").isZero();
		assertThat(claim()).isEmpty();
	}

	@Test
	void freesTheSlotOfACallWhoseLeaseExpired() {
		this.store = createStore(this.clock, flow(Map.of("limited", limits(1, null, 0))));
		this.store.add(callsOf("limited", "l1", "l2"));
		assertThat(ids(claim())).containsExactly("l1");
		assertThat(claim()).isEmpty();

		this.clock.advance(LEASE.plusSeconds(1));

		assertThat(ids(claim())).as("the call due first, in the slot of the expired lease").containsExactly("l2");
		assertThat(claim()).isEmpty();
	}

	@Test
	void doesNotCountSuspendedCallsAsRunning() {
		this.store = createStore(this.clock, flow(Map.of("limited", limits(1, null, 0))));
		this.store.add(List.of(callOf("waiting", "limited")));
		ClaimedCall waiting = claimOne();
		assertThat(record(this.store, new Transition.Suspend(waiting, STATE, 1, 1, null,
				List.of(childOf(waiting, "c1", 0))))).isTrue();
		this.store.add(List.of(callOf("other", "limited")));

		assertThat(ids(claim())).containsExactlyInAnyOrder("c1", "other");
	}

	@Test
	void startsNoMoreCallsOfAFunctionInAPeriodThanItsRateLimit() {
		Duration period = Duration.ofSeconds(10);
		FunctionPolicy.RateLimit twoInAPeriod = new FunctionPolicy.RateLimit(2, period);
		this.store = createStore(this.clock, flow(Map.of("limited", limits(0, twoInAPeriod, 0))));
		this.store.add(callsOf("limited", "l1", "l2", "l3", "l4", "l5"));

		List<ClaimedCall> first = claim();
		assertThat(ids(first)).containsExactly("l1", "l2");
		complete(first, "l1");
		complete(first, "l2");
		assertThat(claim()).as("running calls ended, but two started in the period").isEmpty();
		this.clock.advance(period.minusMillis(1));
		assertThat(claim()).isEmpty();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(ids(claim())).containsExactly("l3", "l4");
		assertThat(claim()).isEmpty();
	}

	@Test
	void leasesCallsOfHigherPriorityFirst() {
		this.store = createStore(this.clock, flow(Map.of("urgent", limits(0, null, 10), "background",
				limits(0, null, -1), "limited", limits(5, null, 10))));
		Instant earlier = this.clock.instant().minusSeconds(10);
		this.store.add(List.of(callOf("background", "background", earlier),
				callOf("other", "fn", earlier.plusSeconds(1)), callOf("urgent", "urgent", earlier.plusSeconds(2)),
				callOf("limited", "limited", earlier.plusSeconds(3))));

		assertThat(ids(this.store.claim(1, LEASE))).containsExactly("limited");
		assertThat(ids(this.store.claim(1, LEASE))).containsExactly("urgent");
		assertThat(ids(this.store.claim(1, LEASE))).containsExactly("other");
		assertThat(ids(this.store.claim(1, LEASE))).containsExactly("background");
	}

	@Test
	void leasesCallsOfEqualPriorityInTheOrderTheyBecameDue() {
		this.store = createStore(this.clock, flow(Map.of("urgent", limits(0, null, 10))));
		Instant earlier = this.clock.instant().minusSeconds(10);
		this.store.add(List.of(callOf("b", "fn", earlier.plusSeconds(2)), callOf("a", "other", earlier),
				callOf("c", "fn", earlier.plusSeconds(3))));

		assertThat(ids(claim())).containsExactly("a", "b", "c");
	}

	private static FlowControl flow(Map<String, FunctionPolicy> policies) {
		return FlowControl.of(new FunctionPolicies(policies, limits(0, null, 0)));
	}

	private static FunctionPolicy limits(int concurrency, FunctionPolicy.@Nullable RateLimit rateLimit, int priority) {
		return new FunctionPolicy(new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20),
				Duration.ofMinutes(4), null, concurrency, rateLimit, priority);
	}

	private NewCall callOf(String id, String function) {
		return callOf(id, function, this.clock.instant());
	}

	/** Calls of a function that became due one second apart, in the order of the ids, the last now. */
	private List<NewCall> callsOf(String function, String... ids) {
		List<NewCall> calls = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			calls.add(callOf(ids[i], function, this.clock.instant().minusSeconds(ids.length - 1 - i)));
		}
		return calls;
	}

	private static NewCall callOf(String id, String function, Instant createdAt) {
		return new NewCall(id, function, "http://localhost:8080", input(id), null, id, 0, false, createdAt, null);
	}

	private ClaimedCall suspendedParent(int minResults, int maxResults, @Nullable Instant deadline,
			String... childIds) {
		this.store.add(List.of(call("parent")));
		ClaimedCall parent = claimOne();
		List<NewCall> children = new ArrayList<>();
		for (int i = 0; i < childIds.length; i++) {
			children.add(childOf(parent, childIds[i], i));
		}
		Transition suspension = new Transition.Suspend(parent, STATE, minResults, maxResults, deadline, children);
		assertThat(record(this.store, suspension)).isTrue();
		return parent;
	}

	private NewCall childOf(ClaimedCall parent, String id, int index) {
		return new NewCall(id, "child", "http://localhost:8080", input(id), parent.id(), parent.id(), index, true,
				this.clock.instant(), null);
	}

	private ClaimedCall resumedAtDeadline() {
		this.store.add(List.of(call("a")));
		ClaimedCall claimed = claimOne();
		record(this.store, new Transition.Suspend(claimed, STATE, 1, 10, this.clock.instant(), List.of()));
		ClaimedCall resumed = claimOne();
		assertThat(resumed.state()).isEqualTo(STATE);
		return resumed;
	}

	private void complete(List<ClaimedCall> claimed, String id) {
		ClaimedCall call = claimed.stream().filter((candidate) -> candidate.id().equals(id)).findFirst().orElseThrow();
		assertThat(record(this.store, new Transition.Complete(call, result(call, id)))).isTrue();
	}

	private List<ClaimedCall> claim() {
		return this.store.claim(100, LEASE);
	}

	private ClaimedCall claimOne() {
		List<ClaimedCall> claimed = claim();
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private NewCall call(String id) {
		return callCreatedAt(id, this.clock.instant());
	}

	static NewCall callCreatedAt(String id, Instant createdAt) {
		return new NewCall(id, "fn", "http://localhost:8080", input(id), null, id, 0, false, createdAt, null);
	}

	private NewCall callWithInput(String id, String input) {
		return new NewCall(id, "fn", "http://localhost:8080", input(input), null, id, 0, false, this.clock.instant(),
				null);
	}

	private static List<String> ids(List<ClaimedCall> claimed) {
		return claimed.stream().map(ClaimedCall::id).toList();
	}

	private static CallResult result(ClaimedCall call, String output) {
		return CallResult.newBuilder()
			.setDispatchId(call.id())
			.setCorrelationId(call.call().correlationId())
			.setOutput(input(output))
			.build();
	}

	private static Any input(String value) {
		return Any.pack(StringValue.of(value));
	}

}
