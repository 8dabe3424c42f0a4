package io.github.dispatchspring.proto;

import io.github.dispatchspring.DispatchStatus;

/**
 * Run responses for attempts that failed, made by the function runner for a function's exception and
 * by the scheduler for an attempt that produced no response of its own.
 */
public final class RunResponses {

	private RunResponses() {
	}

	/**
	 * A response ending the call with an error.
	 * @param status the status of the outcome
	 * @param error the error
	 * @return the response
	 */
	public static RunResponse failed(DispatchStatus status, Error error) {
		return RunResponse.newBuilder()
			.setStatus(StatusCodes.toProto(status))
			.setExit(Exit.newBuilder().setResult(CallResult.newBuilder().setError(error)))
			.build();
	}

	/**
	 * A response ending the call with an error of the given type and message.
	 * @param status the status of the outcome
	 * @param type the error type
	 * @param message what went wrong
	 * @return the response
	 */
	public static RunResponse failed(DispatchStatus status, String type, String message) {
		return failed(status, Error.newBuilder().setType(type).setMessage(message).build());
	}

}
