package io.github.dispatchspring.scheduler;

import com.google.protobuf.util.Durations;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunResponse;
import org.jspecify.annotations.Nullable;

/**
 * Checks the calls an endpoint's run response asks the scheduler to start, the calls of a poll and a
 * tail call, by the rules the Dispatch API holds each call of a request to, before any of them
 * reaches the store. A call with an empty endpoint runs at the endpoint of its caller. The number of
 * a poll's calls is not limited: a poll carries a whole gather, whatever its size.
 */
final class RunResponseValidator {

	private final DispatchRequestLimits limits;

	RunResponseValidator(DispatchRequestLimits limits) {
		this.limits = limits;
	}

	/**
	 * What is wrong with what a response asks for.
	 * @param response the endpoint's response
	 * @return a message that names the field at fault and what is wrong with it, or {@code null} if
	 * the response can be recorded
	 */
	@Nullable String problem(RunResponse response) {
		if (response.hasPoll()) {
			return pollProblem(response.getPoll());
		}
		if (response.getExit().hasTailCall()) {
			String problem = this.limits.problem(response.getExit().getTailCall(), true);
			return (problem != null) ? "the endpoint answered a tail call whose " + problem : null;
		}
		return null;
	}

	private @Nullable String pollProblem(Poll poll) {
		if (poll.hasMaxWait() && !Durations.isValid(poll.getMaxWait())) {
			return "the endpoint answered a poll with an invalid max_wait";
		}
		for (int i = 0; i < poll.getCallsCount(); i++) {
			Call call = poll.getCalls(i);
			String problem = this.limits.problem(call, true);
			if (problem != null) {
				return "the endpoint answered a poll whose calls[" + i + "]." + problem + "; none of the poll's "
						+ poll.getCallsCount() + " calls was started";
			}
		}
		return null;
	}

}
