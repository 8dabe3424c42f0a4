package io.github.dispatchspring.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallEvent;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import org.jspecify.annotations.Nullable;

/**
 * The calls of a test in the in-memory store: read back oldest first, with the history the store
 * keeps of each, and deleted between tests.
 */
final class RecordedCalls {

	private static final int PAGE = 500;


	private final InMemoryCallStore calls;

	private final VirtualClock clock;

	private final ValueCodec codec;

	RecordedCalls(InMemoryCallStore calls, VirtualClock clock, ValueCodec codec) {
		this.calls = calls;
		this.clock = clock;
		this.codec = codec;
	}

	/** The calls of the function, or of every function when it is {@code null}. */
	List<RecordedCall> of(@Nullable String function) {
		List<CallSummary> summaries = summaries(new CallFilter(function, null, null, null, null, null, null, null));
		List<RecordedCall> recorded = new ArrayList<>(summaries.size());
		for (CallSummary summary : summaries) {
			CallDetails details = this.calls.call(summary.id());
			if (details != null) {
				recorded.add(recorded(details));
			}
		}
		return recorded;
	}

	/**
	 * Cancels the calls that have not ended, then deletes every call once the clock has moved past
	 * their ends.
	 */
	void deleteAll() {
		for (CallSummary call : summaries(CallFilter.ALL)) {
			if (call.endedAt() == null) {
				this.calls.cancel(call.id());
			}
		}
		this.clock.advanceTo(this.clock.instant().plusMillis(1));
		this.calls.purge(this.clock.instant(), Integer.MAX_VALUE);
	}

	private List<CallSummary> summaries(CallFilter filter) {
		List<CallSummary> summaries = new ArrayList<>();
		CallPage page = this.calls.calls(filter, PAGE);
		summaries.addAll(page.calls());
		while (page.next() != null) {
			page = this.calls.calls(filter.after(page.next()), PAGE);
			summaries.addAll(page.calls());
		}
		return oldestFirst(summaries);
	}

	/**
	 * Sorts calls by the time they were accepted, a call before the calls it made at the same time,
	 * since the virtual clock stands still while a function runs.
	 */
	private static List<CallSummary> oldestFirst(List<CallSummary> summaries) {
		Map<String, String> parents = new HashMap<>();
		summaries.stream()
			.filter((call) -> call.parentId() != null)
			.forEach((call) -> parents.put(call.id(), call.parentId()));
		Map<String, Integer> depths = new HashMap<>();
		for (CallSummary call : summaries) {
			int depth = 0;
			for (String parent = parents.get(call.id()); parent != null; parent = parents.get(parent)) {
				depth++;
			}
			depths.put(call.id(), depth);
		}
		summaries.sort(Comparator.comparing(CallSummary::createdAt)
			.thenComparing((call) -> depths.get(call.id()))
			.thenComparing(CallSummary::id));
		return summaries;
	}

	private RecordedCall recorded(CallDetails details) {
		CallSummary summary = details.summary();
		List<DispatchStatus> statuses = new ArrayList<>();
		for (CallEvent event : details.history()) {
			if (event.kind() == CallEvent.Kind.RETRIED && event.status() != null) {
				statuses.add(event.status());
			}
		}
		if (summary.status() != null) {
			statuses.add(summary.status());
		}
		return new RecordedCall(new DispatchId(summary.id()), summary.function(),
				(summary.parentId() != null) ? new DispatchId(summary.parentId()) : null, details.input(), statuses,
				summary.status(), details.result(), this.codec);
	}

}
