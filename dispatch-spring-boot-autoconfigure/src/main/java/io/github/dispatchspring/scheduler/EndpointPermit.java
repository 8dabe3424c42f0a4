package io.github.dispatchspring.scheduler;

import org.jspecify.annotations.Nullable;

/**
 * A call's permission to go to its endpoint host, given back once with what the exchange said of the
 * endpoint.
 */
final class EndpointPermit {

	/** A permit that protects nothing, for calls to endpoints no protection watches. */
	static final EndpointPermit NONE = new EndpointPermit(null, null, 0);

	private final @Nullable EndpointHost host;

	private final EndpointConcurrency.@Nullable Slot slot;

	private final long startedAt;

	private boolean finished;

	EndpointPermit(@Nullable EndpointHost host, EndpointConcurrency.@Nullable Slot slot, long startedAt) {
		this.host = host;
		this.slot = slot;
		this.startedAt = startedAt;
	}

	EndpointConcurrency.@Nullable Slot slot() {
		return this.slot;
	}

	long startedAt() {
		return this.startedAt;
	}

	/**
	 * Gives the permit back; later calls do nothing.
	 * @param outcome what the exchange said of the endpoint
	 */
	void finish(EndpointOutcome outcome) {
		if (this.host != null && !this.finished) {
			this.finished = true;
			this.host.finish(this, outcome);
		}
	}

}
