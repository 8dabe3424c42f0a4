package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunResponse;

/**
 * Responses the scheduler makes up for attempts that produced none of their own.
 */
final class RunResponses {

	private RunResponses() {
	}

	static RunResponse failed(DispatchStatus status, String type, String message) {
		return RunResponse.newBuilder()
			.setStatus(status.toProto())
			.setExit(Exit.newBuilder()
				.setResult(CallResult.newBuilder().setError(Error.newBuilder().setType(type).setMessage(message))))
			.build();
	}

}
