package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Poll;
import org.jspecify.annotations.Nullable;

/**
 * How a call that answers with a poll is suspended: the calls the poll asks for become new calls,
 * with their endpoint, ids and expiration, and the call waits for their results until the poll's
 * deadline, or until it expires.
 */
final class PolledCalls {

	private final FunctionPolicies policies;

	PolledCalls(FunctionPolicies policies) {
		this.policies = policies;
	}

	/**
	 * The transition that suspends a call on its poll.
	 * @param claimed the leased call
	 * @param poll the poll it answered with
	 * @param now the time of the answer
	 * @param traceContext the trace the new calls carry, or {@code null} for none
	 * @return the suspension, with the new calls
	 */
	Transition.Suspend suspend(ClaimedCall claimed, Poll poll, Instant now, @Nullable String traceContext) {
		List<NewCall> children = children(claimed.call(), poll, now, traceContext);
		int maxResults = (poll.getMaxResults() > 0) ? poll.getMaxResults() : Integer.MAX_VALUE;
		int minResults = Math.max(1, Math.min(poll.getMinResults(), maxResults));
		Instant deadline = poll.hasMaxWait()
				? now.plusSeconds(poll.getMaxWait().getSeconds()).plusNanos(poll.getMaxWait().getNanos()) : null;
		return new Transition.Suspend(claimed, poll.getTypedCoroutineState(), minResults, maxResults,
				dueBy(deadline, claimed.call().expiresAt()), children);
	}

	private List<NewCall> children(NewCall parent, Poll poll, Instant now, @Nullable String traceContext) {
		boolean journaled = poll.getTypedCoroutineState().is(Journal.class);
		List<NewCall> children = new ArrayList<>(poll.getCallsCount());
		for (Call call : poll.getCallsList()) {
			String endpoint = call.getEndpoint().isEmpty() ? parent.endpoint() : call.getEndpoint();
			Instant expiresAt = call.hasExpiration() ? now.plusSeconds(call.getExpiration().getSeconds())
				.plusNanos(call.getExpiration().getNanos()) : expiration(call.getFunction(), parent, now);
			String id = journaled ? DispatchIds.derived(parent.id(), call) : DispatchIds.next();
			children.add(new NewCall(id, call.getFunction(), endpoint, call.getInput(), parent.id(), parent.rootId(),
					call.getCorrelationId(), true, now, expiresAt, traceContext));
		}
		return children;
	}

	/**
	 * When a call a function asks for without an expiration of its own expires: after the expiration
	 * of its function, but never after its parent.
	 */
	private @Nullable Instant expiration(String function, NewCall parent, Instant now) {
		Duration expiration = this.policies.of(function).expiration();
		if (expiration == null) {
			return parent.expiresAt();
		}
		Instant expiresAt = now.plus(expiration);
		return (parent.expiresAt() != null && parent.expiresAt().isBefore(expiresAt)) ? parent.expiresAt() : expiresAt;
	}

	/**
	 * When a waiting call is due anyway: at the given deadline, or once it has expired, whichever
	 * comes first, so that a call whose wait never ends still ends when it expires.
	 * @param deadline the end of the wait, or {@code null} for none
	 * @param expiresAt when the call expires, or {@code null} for never
	 * @return when it is due, or {@code null} for never
	 */
	static @Nullable Instant dueBy(@Nullable Instant deadline, @Nullable Instant expiresAt) {
		if (expiresAt == null) {
			return deadline;
		}
		Instant expired = expiresAt.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
		return (deadline == null || expired.isBefore(deadline)) ? expired : deadline;
	}

}
