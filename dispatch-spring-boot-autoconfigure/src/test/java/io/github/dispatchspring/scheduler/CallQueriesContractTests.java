package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.result;
import static io.github.dispatchspring.scheduler.jdbc.SampleCalls.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link CallQueries} and {@link CallControl} every store answers. A subclass per store supplies
 * the store.
 */
public abstract class CallQueriesContractTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final Any STATE = Any.pack(StringValue.of("journal"));

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private CallStore store;

	private CallQueries queries;

	private CallControl control;

	/**
	 * Creates an empty store that answers queries and takes actions.
	 * @param clock the clock the store reads the time from
	 * @return the store
	 */
	protected abstract CallStore createStore(Clock clock);

	@BeforeEach
	void setUpStore() {
		this.store = createStore(this.clock);
		this.queries = (CallQueries) this.store;
		this.control = (CallControl) this.store;
	}

	@Test
	void listsCallsNewestFirstInPages() {
		for (String id : List.of("a", "b", "c", "d", "e")) {
			this.store.add(List.of(call(id, "fn", null, id)));
			this.clock.advance(Duration.ofSeconds(1));
		}

		CallPage first = this.queries.calls(CallFilter.ALL, 2);
		CallPage second = this.queries.calls(CallFilter.ALL.after(first.next()), 2);
		CallPage third = this.queries.calls(CallFilter.ALL.after(second.next()), 2);

		assertThat(ids(first)).containsExactly("e", "d");
		assertThat(ids(second)).containsExactly("c", "b");
		assertThat(ids(third)).containsExactly("a");
		assertThat(third.next()).isNull();
	}

	@Test
	void ordersCallsCreatedAtTheSameTimeByIdAcrossPages() {
		this.store.add(List.of(call("a", "fn", null, "a"), call("b", "fn", null, "b"), call("c", "fn", null, "c")));

		CallPage first = this.queries.calls(CallFilter.ALL, 2);

		assertThat(ids(first)).containsExactly("c", "b");
		assertThat(ids(this.queries.calls(CallFilter.ALL.after(first.next()), 2))).containsExactly("a");
	}

	@Test
	void filtersCallsByFunctionTimeTreeAndParent() {
		ClaimedCall root = suspended("root", "child-1", "child-2");
		this.clock.advance(Duration.ofMinutes(1));
		this.store.add(List.of(call("later", "other", null, "later")));

		assertThat(ids(filter(new CallFilter("child", null, null, null, null, null, null, null))))
			.containsExactly("child-2", "child-1");
		assertThat(ids(filter(new CallFilter(null, null, this.clock.instant(), null, null, null, null, null))))
			.containsExactly("later");
		assertThat(ids(filter(new CallFilter(null, null, null, this.clock.instant(), null, null, null, null))))
			.containsExactly("root", "child-2", "child-1");
		assertThat(ids(filter(new CallFilter(null, null, null, null, root.id(), null, null, null))))
			.containsExactlyInAnyOrder("root", "child-1", "child-2");
		assertThat(ids(filter(CallFilter.childrenOf(root.id())))).containsExactly("child-2", "child-1");
	}

	@Test
	void filtersCallsByState() {
		suspended("root", "child-1", "child-2");
		List<ClaimedCall> children = this.store.claim(10, LEASE);
		complete(children.get(0), "done");
		fail(children.get(1), "Boom", "it broke");
		this.store.add(List.of(call("waiting", "fn", null, "waiting")));

		assertThat(ids(filter(state(CallState.PENDING)))).containsExactly("waiting");
		assertThat(ids(filter(state(CallState.SUSPENDED)))).containsExactly("root");
		assertThat(ids(filter(state(CallState.SUCCEEDED)))).containsExactly(children.get(0).id());
		assertThat(ids(filter(state(CallState.FAILED)))).containsExactly(children.get(1).id());
		assertThat(this.queries.calls(state(CallState.FAILED), 10).calls().get(0))
			.extracting(CallSummary::status, CallSummary::errorType)
			.containsExactly(DispatchStatus.PERMANENT_ERROR, "Boom");
	}

	@Test
	void searchesCallsByTheStartOfTheirIds() {
		this.store.add(List.of(call("0a1f", "fn", null, "0a1f"), call("0a2f", "fn", null, "0a2f"),
				call("0b00", "fn", null, "0b00"), call("job-7", "fn", null, "job-7")));

		assertThat(ids(filter(prefix("0a")))).containsExactly("0a2f", "0a1f");
		assertThat(ids(filter(prefix("0a1f")))).containsExactly("0a1f");
		assertThat(ids(filter(prefix("0a9")))).isEmpty();
		assertThat(ids(filter(prefix("0f")))).isEmpty();
		assertThat(ids(filter(prefix("job-")))).containsExactly("job-7");
	}

	@Test
	void showsACallWithItsInputResultAndFailedAttempts() {
		this.store.add(List.of(call("a", "fn", null, "a")));
		ClaimedCall first = claimOne();
		CallResult failure = error("Timeout", "took too long");
		record(this.store, new Transition.Retry(first, this.clock.instant(), false, DispatchStatus.TIMEOUT, failure));
		ClaimedCall second = claimOne();
		complete(second, "done");

		CallDetails details = this.queries.call("a");

		assertThat(details.summary().state()).isEqualTo(CallState.SUCCEEDED);
		assertThat(details.summary().status()).isEqualTo(DispatchStatus.OK);
		assertThat(details.summary().attempt()).isEqualTo(1);
		assertThat(details.input()).isEqualTo(value("a"));
		assertThat(details.result().getOutput()).isEqualTo(value("done"));
		assertThat(details.endpoint()).isEqualTo("http://localhost:8080");
		assertThat(details.history()).singleElement().satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(CallEvent.Kind.RETRIED);
			assertThat(event.attempt()).isEqualTo(1);
			assertThat(event.status()).isEqualTo(DispatchStatus.TIMEOUT);
			assertThat(event.errorType()).isEqualTo("Timeout");
			assertThat(event.errorMessage()).isEqualTo("took too long");
			assertThat(event.at()).isEqualTo(this.clock.instant());
		});
		assertThat(this.queries.call("unknown")).isNull();
		assertThat(this.queries.summary("a")).isEqualTo(details.summary());
		assertThat(this.queries.summary("unknown")).isNull();
	}

	@Test
	void countsTheChildrenOfACall() {
		suspended("root", "child-1", "child-2");

		assertThat(this.queries.call("root").children()).isEqualTo(2);
		assertThat(this.queries.call("root").summary().state()).isEqualTo(CallState.SUSPENDED);
	}

	@Test
	void givesAnOverviewOfTheCallsInHandAndOfThoseThatEnded() {
		Instant start = this.clock.instant();
		suspended("root", "child-1", "child-2", "child-3");
		List<ClaimedCall> children = this.store.claim(2, LEASE);
		complete(children.get(0), "done");
		this.clock.advance(Duration.ofMinutes(1));
		fail(children.get(1), "Boom", "it broke");
		this.clock.advance(Duration.ofSeconds(5));

		CallOverview overview = this.queries.overview(start);

		assertThat(overview.active()).containsExactly(new CallOverview.Count(CallState.PENDING, "child", 1),
				new CallOverview.Count(CallState.SUSPENDED, "fn", 1));
		assertThat(overview.ended()).containsExactlyInAnyOrder(new CallOverview.Count(CallState.SUCCEEDED, "child", 1),
				new CallOverview.Count(CallState.FAILED, "child", 1));
		assertThat(overview.minutes()).containsExactly(new CallOverview.Minute(start, 1, 0),
				new CallOverview.Minute(start.plusSeconds(60), 0, 1));
		String pending = Set.of("child-1", "child-2", "child-3")
			.stream()
			.filter((id) -> children.stream().noneMatch((child) -> child.id().equals(id)))
			.findFirst()
			.orElseThrow();
		assertThat(overview.oldestDue()).isEqualTo(new CallOverview.DueCall(pending, "child", start));
		assertThat(this.queries.overview(this.clock.instant()).ended()).isEmpty();
	}

	@Test
	void cancelsAPendingCall() {
		this.store.add(List.of(call("a", "fn", null, "a")));

		assertThat(this.control.cancel("a")).isEqualTo(Intervention.applied(1, 0));

		assertThat(this.store.claim(10, LEASE)).isEmpty();
		CallResult result = this.store.results(Set.of("a")).get("a");
		assertThat(result.getError().getType()).isEqualTo(CallControl.CANCELLED);
		assertThat(result.getDispatchId()).isEqualTo("a");
		CallDetails details = this.queries.call("a");
		assertThat(details.summary().status()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
		assertThat(details.summary().state()).isEqualTo(CallState.FAILED);
		assertThat(details.history()).extracting(CallEvent::kind).containsExactly(CallEvent.Kind.CANCELLED);
	}

	@Test
	void cancelsASuspendedCallWithItsDescendantsAndDeliversItsResultToItsParent() {
		this.store.add(List.of(call("grandparent", "fn", null, "grandparent")));
		ClaimedCall grandparent = claimOne();
		record(this.store, new Transition.Suspend(grandparent, STATE, 1, 10, null,
				List.of(new NewCall("parent", "fn", "http://localhost:8080", value("parent"), "grandparent", "grandparent",
						7, true, this.clock.instant(), null))));
		ClaimedCall parent = claimOne();
		record(this.store, new Transition.Suspend(parent, STATE, 2, 10, null,
				List.of(child(parent, "child-1", 0), child(parent, "child-2", 1))));
		ClaimedCall running = this.store.claim(1, LEASE).get(0);

		Intervention cancelled = this.control.cancel("parent");

		assertThat(cancelled).isEqualTo(Intervention.applied(2, 1));
		assertThat(this.store.results(Set.of("parent", "child-1", "child-2")).keySet()).hasSize(2).contains("parent");
		ClaimedCall resumed = claimOne();
		assertThat(resumed.id()).isEqualTo("grandparent");
		assertThat(resumed.results()).singleElement().satisfies((result) -> {
			assertThat(result.getDispatchId()).isEqualTo("parent");
			assertThat(result.getCorrelationId()).isEqualTo(7);
			assertThat(result.getError().getType()).isEqualTo(CallControl.CANCELLED);
		});
		assertThat(this.queries.call(running.id()).summary().cancelling()).isTrue();
	}

	@Test
	void endsACancelledRunningCallWhenItsAttemptReturns() {
		ClaimedCall parent = suspended("parent", "child");
		ClaimedCall child = claimOne();
		assertThat(this.control.cancel("child")).isEqualTo(Intervention.applied(0, 1));
		assertThat(this.control.cancel("child").outcome()).isEqualTo(Intervention.Outcome.REFUSED);

		assertThat(record(this.store, new Transition.Complete(child, result(child, "done")))).isFalse();

		CallResult result = this.store.results(Set.of("child")).get("child");
		assertThat(result.getError().getType()).isEqualTo(CallControl.CANCELLED);
		assertThat(result.getError().getMessage()).isEqualTo(CallControl.CANCELLED_WHILE_RUNNING);
		ClaimedCall resumed = claimOne();
		assertThat(resumed.id()).isEqualTo(parent.id());
		assertThat(resumed.results()).extracting(CallResult::getDispatchId).containsExactly("child");
		assertThat(this.queries.call("child").history()).extracting(CallEvent::kind)
			.containsExactly(CallEvent.Kind.CANCEL_REQUESTED, CallEvent.Kind.CANCELLED);
	}

	@Test
	void refusesEveryTransitionOfACancelledRunningCall() {
		this.store.add(List.of(call("a", "fn", null, "a")));
		ClaimedCall claimed = claimOne();
		this.control.cancel("a");

		assertThat(record(this.store, new Transition.Retry(claimed, this.clock.instant(), false))).isFalse();

		assertThat(this.store.claim(10, LEASE)).isEmpty();
		assertThat(this.queries.call("a").summary().state()).isEqualTo(CallState.FAILED);
	}

	@Test
	void refusesToCancelACallThatEnded() {
		this.store.add(List.of(call("a", "fn", null, "a")));
		complete(claimOne(), "done");

		assertThat(this.control.cancel("a")).isEqualTo(Intervention.refused(CallControl.ENDED));
		assertThat(this.control.cancel("unknown").outcome()).isEqualTo(Intervention.Outcome.UNKNOWN_CALL);
	}

	@Test
	void runsAFailedCallAgainAndKeepsItsErrorInItsHistory() {
		this.store.add(List.of(call("a", "fn", null, "a")));
		fail(claimOne(), "Boom", "it broke");
		this.clock.advance(Duration.ofSeconds(3));

		assertThat(this.control.runAgain("a")).isEqualTo(Intervention.applied(0, 0));

		CallDetails details = this.queries.call("a");
		assertThat(details.summary().state()).isEqualTo(CallState.PENDING);
		assertThat(details.result()).isNull();
		assertThat(details.history()).singleElement().satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(CallEvent.Kind.RUN_AGAIN);
			assertThat(event.status()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
			assertThat(event.errorType()).isEqualTo("Boom");
		});
		ClaimedCall again = claimOne();
		assertThat(again.attempt()).isZero();
		complete(again, "done");
		assertThat(this.store.results(Set.of("a")).get("a").hasError()).isFalse();
		assertThat(this.queries.call("a").summary().state()).isEqualTo(CallState.SUCCEEDED);
	}

	@Test
	void runsACancelledCallAgain() {
		this.store.add(List.of(call("a", "fn", null, "a")));
		this.control.cancel("a");

		assertThat(this.control.runAgain("a").outcome()).isEqualTo(Intervention.Outcome.APPLIED);

		assertThat(claimOne().id()).isEqualTo("a");
	}

	@Test
	void refusesToRunAgainACallThatSucceededOrHasNotEnded() {
		this.store.add(List.of(call("a", "fn", null, "a"), call("b", "fn", null, "b")));
		complete(this.store.claim(1, LEASE).get(0), "done");

		assertThat(this.control.runAgain("a")).isEqualTo(Intervention.refused(CallControl.NOT_FAILED));
		assertThat(this.control.runAgain("b")).isEqualTo(Intervention.refused(CallControl.NOT_FAILED));
		assertThat(this.control.runAgain("unknown").outcome()).isEqualTo(Intervention.Outcome.UNKNOWN_CALL);
	}

	@Test
	void refusesToRunAgainACallWhoseResultWentToAParentThatHasNotEnded() {
		suspended("parent", "child-1", "child-2");
		fail(this.store.claim(1, LEASE).get(0), "Boom", "it broke");

		Intervention refused = this.control.runAgain("child-1");

		assertThat(refused).isEqualTo(Intervention.refused(CallControl.parentWaiting("parent")));
	}

	private ClaimedCall suspended(String id, String... childIds) {
		this.store.add(List.of(call(id, "fn", null, id)));
		ClaimedCall parent = claimOne();
		List<NewCall> children = new ArrayList<>();
		for (int i = 0; i < childIds.length; i++) {
			children.add(child(parent, childIds[i], i));
		}
		assertThat(record(this.store, new Transition.Suspend(parent, STATE, childIds.length, 100, null, children)))
			.isTrue();
		return parent;
	}

	private NewCall child(ClaimedCall parent, String id, int index) {
		return new NewCall(id, "child", "http://localhost:8080", value(id), parent.id(), parent.call().rootId(), index,
				true, this.clock.instant(), null);
	}

	private NewCall call(String id, String function, @Nullable String parentId, String rootId) {
		return new NewCall(id, function, "http://localhost:8080", value(id), parentId, rootId, 0, false,
				this.clock.instant(), null);
	}

	private void complete(ClaimedCall call, String output) {
		assertThat(record(this.store, new Transition.Complete(call, result(call, output)))).isTrue();
	}

	private void fail(ClaimedCall call, String type, String message) {
		CallResult failure = error(type, message).toBuilder()
			.setDispatchId(call.id())
			.setCorrelationId(call.call().correlationId())
			.build();
		assertThat(record(this.store, new Transition.Complete(call, failure, DispatchStatus.PERMANENT_ERROR))).isTrue();
	}

	private ClaimedCall claimOne() {
		List<ClaimedCall> claimed = this.store.claim(100, LEASE);
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private CallPage filter(CallFilter filter) {
		return this.queries.calls(filter, 100);
	}

	private static CallFilter state(CallState state) {
		return new CallFilter(null, state, null, null, null, null, null, null);
	}

	private static CallFilter prefix(String prefix) {
		return new CallFilter(null, null, null, null, null, null, prefix, null);
	}

	private static List<String> ids(CallPage page) {
		return page.calls().stream().map(CallSummary::id).toList();
	}

	private static CallResult error(String type, String message) {
		return CallResult.newBuilder().setError(Error.newBuilder().setType(type).setMessage(message)).build();
	}

}
