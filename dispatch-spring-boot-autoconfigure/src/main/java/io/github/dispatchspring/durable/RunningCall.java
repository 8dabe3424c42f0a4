package io.github.dispatchspring.durable;

import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchId;

/**
 * What a run request says of the call it runs, as the scheduler sent it.
 *
 * @param function the function's name
 * @param dispatchId the call's dispatch id
 * @param rootDispatchId the dispatch id of the root of its call tree, its own for a root call
 * @param parentDispatchId the dispatch id of its parent, empty for a root call
 * @param attempt the attempt of this run, from 1
 */
public record RunningCall(String function, String dispatchId, String rootDispatchId, String parentDispatchId,
		int attempt) {

	/**
	 * The call as functions see it.
	 * @return the call
	 * @throws IllegalStateException if the scheduler gave the call no dispatch id
	 */
	public DispatchCall toDispatchCall() {
		if (this.dispatchId.isBlank()) {
			throw new IllegalStateException("The scheduler running function '" + this.function
					+ "' gave the call no dispatch id");
		}
		return new DispatchCall(this.function, new DispatchId(this.dispatchId), new DispatchId(this.rootDispatchId),
				this.parentDispatchId.isBlank() ? null : new DispatchId(this.parentDispatchId), this.attempt);
	}

}
