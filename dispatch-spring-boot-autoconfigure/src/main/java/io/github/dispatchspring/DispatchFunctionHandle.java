package io.github.dispatchspring;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A function named once with its types, for dispatching and gathering without repeating them.
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public final class DispatchFunctionHandle<I, O> {

	private final DispatchClient client;

	private final String name;

	private final ParameterizedTypeReference<O> resultType;

	DispatchFunctionHandle(DispatchClient client, String name, ParameterizedTypeReference<O> resultType) {
		this.client = client;
		this.name = name;
		this.resultType = resultType;
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Dispatches one call without waiting.
	 * @param input the input
	 * @return the call's id
	 */
	public DispatchId dispatch(I input) {
		return this.client.dispatch(this.name, input);
	}

	/**
	 * Calls the function once per input and returns the results in call order.
	 * @param inputs the inputs
	 * @return the results
	 */
	public List<O> gather(List<? extends I> inputs) {
		return this.client.gather(this.name, inputs, this.resultType);
	}

	/**
	 * Calls the function once and returns its result.
	 * @param input the input
	 * @return the result
	 */
	public O call(I input) {
		return gather(Collections.singletonList(input)).get(0);
	}

	/**
	 * Calls the function once per input and returns the first result that succeeds; the other calls
	 * run to their end and their results are ignored.
	 * @param inputs the inputs, at least one
	 * @return the first successful result
	 * @see DispatchClient#any(String, List, ParameterizedTypeReference)
	 */
	public O any(List<? extends I> inputs) {
		return this.client.any(this.name, inputs, this.resultType);
	}

	/**
	 * Calls the function once per input and returns the first outcome; the other calls run to their
	 * end and their outcomes are ignored.
	 * @param inputs the inputs, at least one
	 * @return the result of the first call to end
	 * @see DispatchClient#race(String, List, ParameterizedTypeReference)
	 */
	public O race(List<? extends I> inputs) {
		return this.client.race(this.name, inputs, this.resultType);
	}

	/**
	 * Waits for the result of a call dispatched earlier.
	 * @param id the call's id
	 * @param timeout how long to wait at most
	 * @return the result
	 */
	public O await(DispatchId id, Duration timeout) {
		return this.client.await(id, this.resultType, timeout);
	}

	/**
	 * Calls the function once per input without blocking the calling thread. Only outside functions.
	 * @param inputs the inputs
	 * @return the results in call order
	 */
	public CompletableFuture<List<O>> gatherAsync(List<? extends I> inputs) {
		return this.client.gatherAsync(this.name, inputs, this.resultType);
	}

	/**
	 * Waits for the result of a call dispatched earlier without blocking the calling thread. Only
	 * outside functions.
	 * @param id the call's id
	 * @param timeout how long to wait at most
	 * @return the result
	 */
	public CompletableFuture<O> awaitAsync(DispatchId id, Duration timeout) {
		return this.client.awaitAsync(id, this.resultType, timeout);
	}

}
