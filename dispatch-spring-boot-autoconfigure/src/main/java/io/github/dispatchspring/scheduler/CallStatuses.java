package io.github.dispatchspring.scheduler;

import java.util.Collection;
import java.util.Map;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

/**
 * Reads where calls stand from a store that keeps the statuses of their attempts.
 */
public interface CallStatuses {

	/**
	 * Where a call stands.
	 * @param id the dispatch id
	 * @return the status, or {@code null} if the store does not hold the call
	 */
	@Nullable CallStatus status(String id);

	/**
	 * The statuses the given calls ended with, for the ended calls only.
	 * @param ids dispatch ids
	 * @return the statuses by dispatch id
	 */
	Map<String, DispatchStatus> outcomes(Collection<String> ids);

}
