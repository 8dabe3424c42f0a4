package io.github.dispatchspring.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallEvent;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallOverview;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.Instance;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard's API answers: a call with its values decoded, its error, its place in its tree
 * and the actions it allows, and the overview with a bar for every minute of the period and the
 * instances sharing the store.
 */
public final class CallViews {

	/** The most children listed with a call; the others are on the pages of its children. */
	static final int CHILDREN = 20;

	private static final int MAX_MESSAGE_LENGTH = 8 * 1024;

	private final CallQueries queries;

	private final ValueCodec codec;

	private final Supplier<List<Instance>> instances;

	/**
	 * Creates the views.
	 * @param queries what the store tells of its calls
	 * @param codec the application's codec, which decodes inputs and outputs
	 * @param instances the instances registered in the store
	 */
	public CallViews(CallQueries queries, ValueCodec codec, Supplier<List<Instance>> instances) {
		this.queries = queries;
		this.codec = codec;
		this.instances = instances;
	}

	Overview overview(CallOverview overview, Instant since, Instant now) {
		Map<Instant, CallOverview.Minute> ended = new HashMap<>();
		overview.minutes().forEach((minute) -> ended.put(minute.start(), minute));
		List<CallOverview.Minute> minutes = new ArrayList<>();
		for (Instant start = since; !start.isAfter(now); start = start.plus(1, ChronoUnit.MINUTES)) {
			minutes.add(ended.getOrDefault(start, new CallOverview.Minute(start, 0, 0)));
		}
		return new Overview(now, since, overview.active(), overview.ended(), minutes, overview.oldestDue(),
				this.instances.get());
	}

	Call call(CallDetails details) {
		CallSummary call = details.summary();
		CallResult result = details.result();
		CallPage children = (details.children() > 0) ? this.queries.calls(CallFilter.childrenOf(call.id()), CHILDREN)
				: new CallPage(List.of(), null);
		String rootId = call.rootId();
		return new Call(call, details.endpoint(), details.dueAt(), details.expiresAt(),
				ShownValue.of(details.input(), this.codec),
				(result != null && result.hasOutput()) ? ShownValue.of(result.getOutput(), this.codec) : null,
				(result != null && result.hasError()) ? new Error(result.getError().getType(),
						CallEvent.cut(result.getError().getMessage(), MAX_MESSAGE_LENGTH)) : null,
				details.history(), (call.parentId() != null) ? this.queries.summary(call.parentId()) : null,
				(!rootId.equals(call.id()) && !rootId.equals(call.parentId())) ? this.queries.summary(rootId) : null,
				new Children(details.children(), page(children)),
				new Actions(!call.state().ended() && !call.cancelling(), call.state() == CallState.FAILED));
	}

	static Page page(CallPage page) {
		return new Page(page.calls(), (page.next() != null) ? page.next().toString() : null);
	}

	/**
	 * The overview as the API answers it.
	 *
	 * @param now when it was read
	 * @param since the start of the period of ended calls
	 * @param active the calls not ended by state and function
	 * @param ended the calls ended in the period by function and outcome
	 * @param minutes the calls ended in each minute of the period
	 * @param oldestDue the pending call due the longest, or {@code null}
	 * @param instances the instances sharing the store
	 */
	record Overview(Instant now, Instant since, List<CallOverview.Count> active, List<CallOverview.Count> ended,
			List<CallOverview.Minute> minutes, CallOverview.@Nullable DueCall oldestDue, List<Instance> instances) {
	}

	/**
	 * A call as the API answers it.
	 *
	 * @param call the call as lists show it
	 * @param endpoint the endpoint serving its function
	 * @param dueAt when it is due next, or {@code null}
	 * @param expiresAt when it expires, or {@code null}
	 * @param input its input
	 * @param output its output, or {@code null}
	 * @param error its error, or {@code null}
	 * @param history its failed attempts and the actions taken on it
	 * @param parent the call that made it, or {@code null}
	 * @param root the root of its tree, or {@code null} when that is the call or its parent
	 * @param children the first of the calls it made
	 * @param actions what may be done to it
	 */
	record Call(CallSummary call, String endpoint, @Nullable Instant dueAt, @Nullable Instant expiresAt,
			ShownValue input, @Nullable ShownValue output, @Nullable Error error, List<CallEvent> history,
			@Nullable CallSummary parent, @Nullable CallSummary root, Children children, Actions actions) {
	}

	/**
	 * The error a call ended with.
	 *
	 * @param type its type
	 * @param message its message, cut when long
	 */
	record Error(String type, String message) {
	}

	/**
	 * A page of calls as the API answers it.
	 *
	 * @param calls the calls, newest first
	 * @param next where the next page starts, or {@code null} on the last page
	 */
	record Page(List<CallSummary> calls, @Nullable String next) {
	}

	/**
	 * The calls a call made.
	 *
	 * @param total how many the store holds
	 * @param first the newest of them
	 */
	record Children(long total, Page first) {
	}

	/**
	 * What may be done to a call.
	 *
	 * @param cancel whether it may be cancelled
	 * @param runAgain whether it may run again
	 */
	record Actions(boolean cancel, boolean runAgain) {
	}

}
