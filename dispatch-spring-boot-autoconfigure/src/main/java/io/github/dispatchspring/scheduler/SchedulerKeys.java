package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.signature.SigningKeyPair;

/**
 * Where the key pair comes from that the scheduler signs its requests to endpoints with when no
 * {@code dispatch.signing-key} is configured, and that the webhook verifies them with. The store
 * keeps it, so that every instance sharing a store signs and verifies with the same pair.
 */
@FunctionalInterface
public interface SchedulerKeys {

	/**
	 * The key pair, generated and kept on first use; every later call, on any instance sharing the
	 * store, answers the same pair.
	 * @return the key pair
	 */
	SigningKeyPair loadOrCreate();

}
