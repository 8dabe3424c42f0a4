package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CallQueries} of the {@link InMemoryCallStore}, which calls them under its lock. Queries
 * go through every call.
 */
final class InMemoryCallQueries {

	private final Map<String, HeapCall> calls;

	private final Clock clock;

	InMemoryCallQueries(Map<String, HeapCall> calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
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
		HeapCall entry = this.calls.get(id);
		return (entry != null) ? summary(entry) : null;
	}

	@Nullable CallDetails call(String id) {
		HeapCall entry = this.calls.get(id);
		if (entry == null) {
			return null;
		}
		long children = this.calls.values().stream().filter((child) -> id.equals(child.call.parentId())).count();
		return new CallDetails(summary(entry), entry.call.endpoint(), entry.call.input(), entry.result,
				(entry.phase == HeapCall.Phase.DONE) ? null : entry.due, entry.call.expiresAt(), children,
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
			.filter((entry) -> entry.phase == HeapCall.Phase.PENDING && !entry.due.isAfter(now))
			.min(Comparator.comparing((HeapCall entry) -> entry.due))
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

	private static CallSummary summary(HeapCall entry) {
		return new CallSummary(entry.call.id(), entry.call.function(), state(entry), entry.status,
				HeapHistory.errorType(entry.result), entry.call.parentId(), entry.call.rootId(), entry.call.createdAt(),
				entry.endedAt, entry.attempt, entry.cancelledAt != null && entry.phase != HeapCall.Phase.DONE);
	}

	private static CallState state(HeapCall entry) {
		return switch (entry.phase) {
			case PENDING -> CallState.PENDING;
			case RUNNING -> CallState.RUNNING;
			case SUSPENDED -> CallState.SUSPENDED;
			case DONE -> (entry.status == DispatchStatus.OK) ? CallState.SUCCEEDED : CallState.FAILED;
		};
	}

}
