package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.DispatchStatus;

/**
 * What an exchange with an endpoint says of the endpoint itself. Its circuit breaker counts as
 * failures the exchanges that did not reach a working endpoint: connection, DNS and TLS errors,
 * timeouts and HTTP 5xx answers, but not the errors a function returns in its run response. Its
 * concurrency limit grows on the statuses of calls it served and shrinks when the endpoint pushes
 * back: it throttles, does not answer in time, or answers HTTP 429 or 503. A temporary error a
 * function returns is a failure of its own, which a lower limit would not cure: it leaves the limit
 * as it is.
 *
 * @param failed whether the circuit breaker counts the exchange as a failure
 * @param signal what the exchange says to the concurrency limit
 */
record EndpointOutcome(boolean failed, Signal signal) {

	/** An exchange that did not happen: it says nothing of the endpoint. */
	static final EndpointOutcome NOT_SENT = new EndpointOutcome(false, Signal.NONE);

	/**
	 * The outcome of an answer.
	 * @param httpStatus the HTTP status of the answer
	 * @param status the status of the run response, or the one its HTTP status maps to
	 * @return the outcome
	 */
	static EndpointOutcome answered(int httpStatus, DispatchStatus status) {
		Signal signal = (httpStatus == 429 || httpStatus == 503) ? Signal.DECREASE : Signal.of(status);
		return new EndpointOutcome(httpStatus >= 500 && httpStatus != 501, signal);
	}

	/**
	 * The outcome of an exchange that got no answer: the endpoint could not be reached or did not
	 * answer in time.
	 * @param status the status the failure maps to
	 * @return the outcome
	 */
	static EndpointOutcome unanswered(DispatchStatus status) {
		return new EndpointOutcome(true, Signal.of(status));
	}

	/** What an outcome says to the concurrency limit. */
	enum Signal {

		/** The endpoint served the call: the limit may grow. */
		INCREASE,

		/** The endpoint pushed back: the limit shrinks. */
		DECREASE,

		/** Nothing. */
		NONE;

		static Signal of(DispatchStatus status) {
			return switch (status) {
				case OK, PERMANENT_ERROR, UNAUTHENTICATED, PERMISSION_DENIED -> INCREASE;
				case TIMEOUT, THROTTLED -> DECREASE;
				default -> NONE;
			};
		}

	}

}
