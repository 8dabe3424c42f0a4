package io.github.dispatchspring.scheduler;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import org.jspecify.annotations.Nullable;

/**
 * The run requests the scheduler sends a call's endpoint: the call's ids and times, and its input on
 * the first run or, on a resume, its coroutine state with the results of the calls it waited for.
 */
final class RunRequests {

	private RunRequests() {
	}

	/**
	 * The request that runs an attempt of a leased call.
	 * @param claimed the leased call
	 * @return the request
	 */
	static RunRequest of(ClaimedCall claimed) {
		NewCall call = claimed.call();
		RunRequest.Builder request = RunRequest.newBuilder()
			.setFunction(call.function())
			.setDispatchId(call.id())
			.setRootDispatchId(call.rootId())
			.setCreationTime(timestamp(call.createdAt()));
		if (call.parentId() != null) {
			request.setParentDispatchId(call.parentId());
		}
		if (call.expiresAt() != null) {
			request.setExpirationTime(timestamp(call.expiresAt()));
		}
		if (claimed.state() != null) {
			request.setPollResult(PollResult.newBuilder()
				.setTypedCoroutineState(claimed.state())
				.addAllResults(claimed.results()));
		}
		else {
			request.setInput(call.input());
		}
		return request.build();
	}

	private static Timestamp timestamp(@Nullable Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
