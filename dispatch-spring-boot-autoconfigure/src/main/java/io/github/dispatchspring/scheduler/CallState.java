package io.github.dispatchspring.scheduler;

/**
 * Where a call is in its life, as the people watching it see it.
 */
public enum CallState {

	/** Due now or later, waiting for a worker. */
	PENDING,

	/** Leased to a worker, which runs it. */
	RUNNING,

	/** Waiting for the results of the calls it made. */
	SUSPENDED,

	/** Ended with a result. */
	SUCCEEDED,

	/** Ended with an error, cancelled calls included. */
	FAILED;

	/**
	 * Whether calls in this state have ended.
	 * @return {@code true} for {@link #SUCCEEDED} and {@link #FAILED}
	 */
	public boolean ended() {
		return this == SUCCEEDED || this == FAILED;
	}

}
