package io.github.dispatchspring.wire;

/**
 * Hears how each request to a protocol path was answered, refusals included, for metrics.
 */
@FunctionalInterface
public interface RequestOutcomes {

	/** Hears nothing. */
	RequestOutcomes NONE = (path, status) -> {
	};

	/**
	 * A request to a protocol path was answered.
	 * @param path the protocol path, as the {@link ProtoContentFilter} knows it
	 * @param status the HTTP status of the answer
	 */
	void answered(String path, int status);

}
