package io.github.dispatchspring.scheduler;

/**
 * The instances of this application that share its store: calls addressed to any of them run
 * in-process here when their function is registered, and may be sent to any of them over HTTP.
 */
@FunctionalInterface
public interface ApplicationInstances {

	/** Endpoint URLs of the instances of this application registered in the store, this one included. */
	java.util.Set<String> endpoints();

}
