package io.github.dispatchspring.client;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link DefaultDispatchClient} sends calls: the embedded scheduler or a remote Dispatch API.
 */
public interface CallSubmitter {

	/**
	 * Submits calls atomically.
	 * @param calls the calls, each with its endpoint and, inside a function, the correlation id of its
	 * step and index
	 * @param origin the call that submits them, or {@code null} outside functions
	 * @return the dispatch ids in call order
	 */
	List<DispatchId> submit(List<Call> calls, @Nullable CallOrigin origin);

	/**
	 * Submits a call once per idempotency key: a call submitted with a key the scheduler holds
	 * already is not started, and the earlier call's id is returned.
	 * @param call the call
	 * @param idempotencyKey the key
	 * @return the id of the call holding the key
	 * @throws UnsupportedOperationException if the scheduler keeps no idempotency keys
	 */
	default DispatchId submitOnce(Call call, String idempotencyKey) {
		throw new UnsupportedOperationException("A remote Dispatch API takes no idempotency key: the protocol does "
				+ "not carry one; dispatch with a key to the scheduler embedded in the application");
	}

	/**
	 * Waits for the results of calls.
	 * @param ids the calls
	 * @param timeout how long to wait at most for all of them
	 * @return the results in the order of the ids
	 * @throws io.github.dispatchspring.DispatchException with status {@code TIMEOUT} when they did not
	 * all end in time
	 */
	List<CallResult> await(List<DispatchId> ids, Duration timeout);

	/**
	 * Waits for the results of calls without blocking the calling thread. By default the wait runs on
	 * a thread of the common pool; a submitter that can wait without a thread overrides it.
	 * @param ids the calls
	 * @param timeout how long to wait at most for all of them
	 * @return the results in the order of the ids, or the exception {@link #await} throws
	 */
	default CompletableFuture<List<CallResult>> awaitAsync(List<DispatchId> ids, Duration timeout) {
		return CompletableFuture.supplyAsync(() -> await(ids, timeout));
	}

	/**
	 * Cancels a call and the calls it made that have not ended.
	 * @param id the call
	 * @return what was found and done
	 * @throws DispatchException with status {@code NOT_FOUND} if the scheduler does not hold the call
	 */
	Cancellation cancel(DispatchId id);

	/**
	 * Where a call stands.
	 * @param id the call
	 * @return its status
	 * @throws DispatchException with status {@code NOT_FOUND} if the scheduler does not hold the call,
	 * or {@code PERMISSION_DENIED} if it does not tell
	 */
	default CallStatus status(DispatchId id) {
		throw new DispatchException(DispatchStatus.PERMISSION_DENIED, "The status of call " + id + " is kept by a "
				+ "remote Dispatch scheduler, whose API does not tell it; it is known to the scheduler embedded in "
				+ "the application");
	}

	/**
	 * The statuses ended calls ended with, where the scheduler keeps them: the protocol's results do
	 * not carry them.
	 * @param ids dispatch ids
	 * @return the statuses of the ended calls it knows, by dispatch id
	 */
	default Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		return Map.of();
	}

	/**
	 * The call a batch is dispatched from.
	 *
	 * @param dispatchId the id of the submitting call
	 * @param rootDispatchId the id of the root of its call tree
	 */
	record CallOrigin(String dispatchId, String rootDispatchId) {
	}

}
