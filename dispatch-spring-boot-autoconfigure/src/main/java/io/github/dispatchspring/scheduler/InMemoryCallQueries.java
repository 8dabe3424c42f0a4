package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CallQueries} and {@link CallControl} of the {@link InMemoryCallStore}, which calls them
 * under its lock, and the history its transitions leave. Queries go through every call.
 */
final class InMemoryCallQueries {

	private final InMemoryCallStore store;

	private final Map<String, InMemoryCallStore.Entry> calls;

	private final Clock clock;

	InMemoryCallQueries(InMemoryCallStore store, Map<String, InMemoryCallStore.Entry> calls, Clock clock) {
		this.store = store;
		this.calls = calls;
		this.clock = clock;
	}

	/** Keeps the failed attempt of a retry in the call's history. */
	void recorded(Transition transition) {
		if (transition instanceof Transition.Retry retry) {
			this.calls.get(retry.call().id()).history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.RETRIED,
					retry.call().attempt() + 1, retry.status(), errorType(retry.failure()), errorMessage(retry.failure())));
		}
	}

	/** Ends a call cancelled while it ran, whose attempt returned while its lease was still held. */
	void refused(ClaimedCall call) {
		InMemoryCallStore.Entry entry = this.calls.get(call.id());
		if (entry != null && entry.phase == InMemoryCallStore.Phase.RUNNING && entry.cancelledAt != null
				&& call.leaseToken().equals(entry.leaseToken)) {
			cancel(entry, CallControl.CANCELLED_WHILE_RUNNING);
		}
	}

	Intervention cancel(String id) {
		InMemoryCallStore.Entry target = this.calls.get(id);
		if (target == null) {
			return Intervention.unknown(id);
		}
		if (target.phase == InMemoryCallStore.Phase.DONE) {
			return Intervention.refused(CallControl.ENDED);
		}
		if (target.phase == InMemoryCallStore.Phase.RUNNING && target.cancelledAt != null) {
			return Intervention.refused(CallControl.CANCELLING);
		}
		List<InMemoryCallStore.Entry> tree = new ArrayList<>(List.of(target));
		for (int i = 0; i < tree.size(); i++) {
			String parentId = tree.get(i).call.id();
			this.calls.values().stream().filter((entry) -> parentId.equals(entry.call.parentId())).forEach(tree::add);
		}
		int ended = 0;
		int stopping = 0;
		for (InMemoryCallStore.Entry entry : tree) {
			if (entry.phase == InMemoryCallStore.Phase.RUNNING && entry.cancelledAt == null) {
				entry.cancelledAt = this.clock.instant();
				entry.history.add(new CallEvent(entry.cancelledAt, CallEvent.Kind.CANCEL_REQUESTED, entry.attempt + 1,
						null, null, null));
				stopping++;
			}
			else if (entry.phase == InMemoryCallStore.Phase.PENDING || entry.phase == InMemoryCallStore.Phase.SUSPENDED) {
				cancel(entry, CallControl.cancelMessage(entry.call.id(), id));
				ended++;
			}
		}
		return Intervention.applied(ended, stopping);
	}

	private void cancel(InMemoryCallStore.Entry entry, String message) {
		this.store.end(entry, CallControl.cancelledResult(entry.call.id(), entry.call.correlationId(), message), DispatchStatus.PERMANENT_ERROR);
		entry.history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.CANCELLED, entry.attempt + 1,
				DispatchStatus.PERMANENT_ERROR, CallControl.CANCELLED, message));
	}

	Intervention runAgain(String id) {
		InMemoryCallStore.Entry entry = this.calls.get(id);
		if (entry == null) {
			return Intervention.unknown(id);
		}
		if (entry.phase != InMemoryCallStore.Phase.DONE || entry.result == null || !entry.result.hasError()) {
			return Intervention.refused(CallControl.NOT_FAILED);
		}
		InMemoryCallStore.Entry parent = (entry.call.deliverToParent() && entry.call.parentId() != null)
				? this.calls.get(entry.call.parentId()) : null;
		if (parent != null && parent.phase != InMemoryCallStore.Phase.DONE) {
			return Intervention.refused(CallControl.parentWaiting(parent.call.id()));
		}
		entry.history.add(new CallEvent(this.clock.instant(), CallEvent.Kind.RUN_AGAIN, entry.attempt + 1, entry.status,
				errorType(entry.result), errorMessage(entry.result)));
		entry.phase = InMemoryCallStore.Phase.PENDING;
		entry.result = null;
		entry.status = null;
		entry.endedAt = null;
		entry.cancelledAt = null;
		entry.attempt = 0;
		this.store.schedule(entry, this.clock.instant());
		return Intervention.applied(0, 0);
	}

	CallPage calls(CallFilter filter, int limit) {
		return CallPage.of(this.calls.values()
			.stream()
			.map(InMemoryCallQueries::summary)
			.filter(filter::matches)
			.sorted(CallPage.Cursor.NEWEST_FIRST)
			.limit(limit + 1L)
			.toList(), limit);
	}

	@Nullable CallSummary summary(String id) {
		InMemoryCallStore.Entry entry = this.calls.get(id);
		return (entry != null) ? summary(entry) : null;
	}

	@Nullable CallDetails call(String id) {
		InMemoryCallStore.Entry entry = this.calls.get(id);
		if (entry == null) {
			return null;
		}
		long children = this.calls.values().stream().filter((child) -> id.equals(child.call.parentId())).count();
		return new CallDetails(summary(entry), entry.call.endpoint(), entry.call.input(), entry.result,
				(entry.phase == InMemoryCallStore.Phase.DONE) ? null : entry.due, entry.call.expiresAt(), children,
				entry.history);
	}

	CallOverview overview(Instant since) {
		Instant now = this.clock.instant();
		List<CallSummary> summaries = this.calls.values().stream().map(InMemoryCallQueries::summary).toList();
		List<CallSummary> ended = summaries.stream()
			.filter((call) -> call.endedAt() != null && !call.endedAt().isBefore(since))
			.toList();
		Map<Instant, List<CallSummary>> minutes = ended.stream()
			.collect(Collectors.groupingBy((call) -> call.endedAt().truncatedTo(ChronoUnit.MINUTES), TreeMap::new,
					Collectors.toList()));
		CallOverview.DueCall oldestDue = this.calls.values()
			.stream()
			.filter((entry) -> entry.phase == InMemoryCallStore.Phase.PENDING && !entry.due.isAfter(now))
			.min(Comparator.comparing((InMemoryCallStore.Entry entry) -> entry.due))
			.map((entry) -> new CallOverview.DueCall(entry.call.id(), entry.call.function(), entry.due))
			.orElse(null);
		return new CallOverview(counts(summaries.stream().filter((call) -> !call.state().ended()).toList()),
				counts(ended), minutes.entrySet()
					.stream()
					.map((minute) -> new CallOverview.Minute(minute.getKey(), count(minute.getValue(), CallState.SUCCEEDED),
							count(minute.getValue(), CallState.FAILED)))
					.toList(),
				oldestDue);
	}

	private static List<CallOverview.Count> counts(List<CallSummary> calls) {
		return calls.stream()
			.collect(Collectors.groupingBy((call) -> new CallOverview.Count(call.state(), call.function(), 0),
					Collectors.counting()))
			.entrySet()
			.stream()
			.map((count) -> new CallOverview.Count(count.getKey().state(), count.getKey().function(), count.getValue()))
			.sorted(Comparator.comparing(CallOverview.Count::state).thenComparing(CallOverview.Count::function))
			.toList();
	}

	private static long count(List<CallSummary> calls, CallState state) {
		return calls.stream().filter((call) -> call.state() == state).count();
	}

	private static CallSummary summary(InMemoryCallStore.Entry entry) {
		return new CallSummary(entry.call.id(), entry.call.function(), state(entry), entry.status,
				errorType(entry.result), entry.call.parentId(), entry.call.rootId(), entry.call.createdAt(),
				entry.endedAt, entry.attempt, entry.cancelledAt != null && entry.phase != InMemoryCallStore.Phase.DONE);
	}

	private static CallState state(InMemoryCallStore.Entry entry) {
		return switch (entry.phase) {
			case PENDING -> CallState.PENDING;
			case RUNNING -> CallState.RUNNING;
			case SUSPENDED -> CallState.SUSPENDED;
			case DONE -> (entry.status == DispatchStatus.OK) ? CallState.SUCCEEDED : CallState.FAILED;
		};
	}

	private static @Nullable String errorType(@Nullable CallResult result) {
		return (result != null && result.hasError())
				? CallEvent.cut(result.getError().getType(), CallEvent.MAX_TYPE_LENGTH) : null;
	}

	private static @Nullable String errorMessage(CallResult result) {
		return result.hasError() ? CallEvent.cut(result.getError().getMessage(), CallEvent.MAX_MESSAGE_LENGTH) : null;
	}

}
