package io.github.dispatchspring.scheduler;

/**
 * The instances of this application that share its store: calls addressed to any of them run
 * in-process here when their function is registered, and may be sent to any of them over HTTP.
 */
@FunctionalInterface
public interface ApplicationInstances {

	/** Endpoint URLs of the instances of this application registered in the store, this one included. */
	java.util.Set<String> endpoints();

	/**
	 * The endpoint URLs read again from the store, for a call whose endpoint is not among
	 * {@link #endpoints()}: an instance that just started may have calls in the store before the others
	 * next hear from it.
	 * @return the endpoint URLs, this one included
	 */
	default java.util.Set<String> refreshed() {
		return endpoints();
	}

}
