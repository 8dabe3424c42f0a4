package io.github.dispatchspring.scheduler;

import java.time.Duration;

import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;

/**
 * Runs one attempt of a call, in this application or at the call's endpoint. Failures to reach the
 * function are answered as a response with the matching status, never thrown; a call its endpoint
 * does not take now is not run, and {@link CallDeferredException} says when it is due again.
 */
@FunctionalInterface
public interface CallInvoker {

	/**
	 * Runs the request.
	 * @param endpoint the URL of the endpoint serving the function
	 * @param request the run request
	 * @param attempt the attempt of this run of the call, from 1
	 * @return the function's response
	 * @throws CallDeferredException if the call did not run and waits for its endpoint
	 */
	RunResponse invoke(String endpoint, RunRequest request, int attempt);

	/**
	 * Runs the request within a time limit: a run that takes longer is cancelled and answered with
	 * {@code TIMEOUT}. The scheduler calls this one, with the timeout of the call's function; an
	 * invoker that cannot cancel runs leaves it to {@link #invoke(String, RunRequest, int)}.
	 * @param endpoint the URL of the endpoint serving the function
	 * @param request the run request
	 * @param attempt the attempt of this run of the call, from 1
	 * @param timeout the longest the run may take
	 * @return the function's response
	 */
	default RunResponse invoke(String endpoint, RunRequest request, int attempt, Duration timeout) {
		return invoke(endpoint, request, attempt);
	}

}
