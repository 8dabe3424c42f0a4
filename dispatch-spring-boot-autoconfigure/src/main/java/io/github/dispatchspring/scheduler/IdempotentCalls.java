package io.github.dispatchspring.scheduler;

/**
 * Adds calls once per idempotency key, in a store that keeps the keys of its calls.
 */
public interface IdempotentCalls {

	/**
	 * Adds a call unless a call the store holds has the key already, atomically across the
	 * instances sharing the store.
	 * @param call the call
	 * @param idempotencyKey its key
	 * @return the id of the call that has the key: the given call's, or the earlier one's
	 */
	String addOnce(NewCall call, String idempotencyKey);

}
