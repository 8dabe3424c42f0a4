package io.github.dispatchspring.durable;

import io.github.dispatchspring.proto.Poll;

/**
 * Unwinds a function that waits for results of calls. It is an {@link Error} so that user code
 * catching {@link Exception} does not swallow it; the function runner turns it into a poll.
 */
public final class Suspension extends Error {

	private final transient Poll poll;

	Suspension(Poll poll) {
		super("Suspended until the results of calls are available", null, false, false);
		this.poll = poll;
	}

	/**
	 * The poll to answer the scheduler with.
	 * @return the poll
	 */
	public Poll poll() {
		return this.poll;
	}

}
