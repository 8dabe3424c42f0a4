package io.github.dispatchspring.scheduler;

/**
 * The instances of this application that share its store.
 */
public interface ApplicationInstances {

	/** Endpoint URLs of the live instances of this application sharing the store, this one included. */
	java.util.Set<String> endpoints();

}
