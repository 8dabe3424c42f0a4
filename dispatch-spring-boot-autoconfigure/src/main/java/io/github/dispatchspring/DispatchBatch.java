package io.github.dispatchspring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Calls collected to be submitted together: all are accepted, or none.
 */
public interface DispatchBatch {

	/**
	 * Adds a call to the batch.
	 * @param function the function's name
	 * @param input the input value, or {@code null}
	 * @return this batch
	 */
	DispatchBatch add(String function, @Nullable Object input);

	/**
	 * Submits the calls added so far and clears the batch. An empty batch sends nothing.
	 * @return the ids of the calls, in the order they were added
	 */
	List<DispatchId> dispatch();

}
