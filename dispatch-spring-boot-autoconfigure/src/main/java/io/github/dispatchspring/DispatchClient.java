package io.github.dispatchspring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Submits calls to Dispatch functions.
 * <p>
 * Outside a function (a controller, a runner), {@link #dispatch} and {@link #batch} return as soon as
 * the calls are durably accepted, and {@link #gather} dispatches and waits. Inside a running
 * {@link DispatchFunction}, {@link #gather} suspends the function durably until the results are there;
 * the function then runs again from the top and earlier gathers and batches return what they returned
 * the first time, without dispatching again.
 */
public interface DispatchClient {

	/**
	 * Dispatches one call without waiting for it.
	 * @param function the function's name
	 * @param input the input value, or {@code null}
	 * @return the id of the accepted call
	 */
	DispatchId dispatch(String function, @Nullable Object input);

	/**
	 * Dispatches one call without waiting for it, with options: with an idempotency key, a second
	 * dispatch with the same key, from this instance or another sharing the store, returns the first
	 * call's id and starts nothing, until the first call is deleted {@code dispatch.scheduler.retention}
	 * after it ended. Only outside functions, on the scheduler embedded in the application.
	 * @param function the function's name
	 * @param input the input value, or {@code null}
	 * @param options how to dispatch it
	 * @return the id of the accepted call, or of the earlier call with the same idempotency key
	 * @throws IllegalStateException with an idempotency key inside a function, whose calls are
	 * dispatched once already
	 */
	DispatchId dispatch(String function, @Nullable Object input, DispatchOptions options);

	/**
	 * Starts a batch of calls submitted together, atomically.
	 * @return an empty batch
	 */
	DispatchBatch batch();

	/**
	 * Calls a function once per input and returns the results in the order of the inputs.
	 * @param function the function's name
	 * @param inputs one input per call
	 * @param resultType the type each result is read as
	 * @param <R> the result type
	 * @return the results, in call order
	 * @throws CallFailedException if one of the calls failed
	 */
	default <R> List<R> gather(String function, List<?> inputs, Class<R> resultType) {
		return gather(function, inputs, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Calls a function once per input and returns the results, read as a generic type, in the order
	 * of the inputs: {@code gather("totals", inputs, new ParameterizedTypeReference<Map<String, Total>>() {})}.
	 * @param function the function's name
	 * @param inputs one input per call
	 * @param resultType the full type each result is read as
	 * @param <R> the result type
	 * @return the results, in call order
	 * @throws CallFailedException if one of the calls failed
	 */
	<R> List<R> gather(String function, List<?> inputs, ParameterizedTypeReference<R> resultType);

	/**
	 * Calls a function once per input without blocking the calling thread. Only outside functions:
	 * inside one, {@link #gather} suspends the function without holding a thread.
	 * @param function the function's name
	 * @param inputs one input per call
	 * @param resultType the full type each result is read as
	 * @param <R> the result type
	 * @return the results in call order, or a {@link CallFailedException}, or a {@link DispatchException}
	 * with status {@code TIMEOUT} if the calls did not end within {@code dispatch.client.await-timeout}
	 * @throws IllegalStateException inside a function
	 */
	<R> CompletableFuture<List<R>> gatherAsync(String function, List<?> inputs, ParameterizedTypeReference<R> resultType);

	/**
	 * Calls a function once per input without blocking the calling thread. Only outside functions.
	 * @param function the function's name
	 * @param inputs one input per call
	 * @param resultType the type each result is read as
	 * @param <R> the result type
	 * @return the results in call order
	 * @throws IllegalStateException inside a function
	 * @see #gatherAsync(String, List, ParameterizedTypeReference)
	 */
	default <R> CompletableFuture<List<R>> gatherAsync(String function, List<?> inputs, Class<R> resultType) {
		return gatherAsync(function, inputs, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Calls a function once per input and returns the first result that succeeds; results that end
	 * together go to the lowest input. The other calls are then cancelled (see {@link #cancel}), and
	 * their results ignored. Inside a function the choice is journaled, so a replay returns it.
	 * @param function the function's name
	 * @param inputs one input per call, at least one
	 * @param resultType the full type the result is read as
	 * @param <R> the result type
	 * @return the first successful result
	 * @throws CallFailedException listing every call if they all failed
	 */
	<R> R any(String function, List<?> inputs, ParameterizedTypeReference<R> resultType);

	/**
	 * Calls a function once per input and returns the first successful result.
	 * @param function the function's name
	 * @param inputs one input per call, at least one
	 * @param resultType the type the result is read as
	 * @param <R> the result type
	 * @return the first successful result
	 * @throws CallFailedException listing every call if they all failed
	 * @see #any(String, List, ParameterizedTypeReference)
	 */
	default <R> R any(String function, List<?> inputs, Class<R> resultType) {
		return any(function, inputs, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Calls a function once per input and returns the first outcome, a result or a failure; outcomes
	 * that end together go to the lowest input. The other calls are then cancelled (see
	 * {@link #cancel}), and their outcomes ignored. Inside a function the choice is journaled.
	 * @param function the function's name
	 * @param inputs one input per call, at least one
	 * @param resultType the full type the result is read as
	 * @param <R> the result type
	 * @return the result of the first call to end
	 * @throws CallFailedException if the first call to end failed
	 */
	<R> R race(String function, List<?> inputs, ParameterizedTypeReference<R> resultType);

	/**
	 * Calls a function once per input and returns the first outcome.
	 * @param function the function's name
	 * @param inputs one input per call, at least one
	 * @param resultType the type the result is read as
	 * @param <R> the result type
	 * @return the result of the first call to end
	 * @throws CallFailedException if the first call to end failed
	 * @see #race(String, List, ParameterizedTypeReference)
	 */
	default <R> R race(String function, List<?> inputs, Class<R> resultType) {
		return race(function, inputs, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Waits for a dispatched call's result. Only outside functions.
	 * @param id the call's id
	 * @param resultType the type the result is read as
	 * @param timeout how long to wait at most
	 * @param <R> the result type
	 * @return the result
	 * @throws CallFailedException if the call failed
	 * @throws DispatchException with status {@code TIMEOUT} if the call did not end in time
	 */
	default <R> R await(DispatchId id, Class<R> resultType, Duration timeout) {
		return await(id, ParameterizedTypeReference.forType(resultType), timeout);
	}

	/**
	 * Waits for a dispatched call's result, read as a generic type. Only outside functions.
	 * @param id the call's id
	 * @param resultType the full type the result is read as
	 * @param timeout how long to wait at most
	 * @param <R> the result type
	 * @return the result
	 * @throws CallFailedException if the call failed
	 * @throws DispatchException with status {@code TIMEOUT} if the call did not end in time
	 */
	<R> R await(DispatchId id, ParameterizedTypeReference<R> resultType, Duration timeout);

	/**
	 * Waits for a dispatched call's result without blocking the calling thread. Only outside functions.
	 * @param id the call's id
	 * @param resultType the full type the result is read as
	 * @param timeout how long to wait at most
	 * @param <R> the result type
	 * @return the result, or a {@link CallFailedException}, or a {@link DispatchException} with status
	 * {@code TIMEOUT} if the call did not end in time
	 * @throws IllegalStateException inside a function
	 */
	<R> CompletableFuture<R> awaitAsync(DispatchId id, ParameterizedTypeReference<R> resultType, Duration timeout);

	/**
	 * Waits for a dispatched call's result without blocking the calling thread. Only outside functions.
	 * @param id the call's id
	 * @param resultType the type the result is read as
	 * @param timeout how long to wait at most
	 * @param <R> the result type
	 * @return the result
	 * @throws IllegalStateException inside a function
	 * @see #awaitAsync(DispatchId, ParameterizedTypeReference, Duration)
	 */
	default <R> CompletableFuture<R> awaitAsync(DispatchId id, Class<R> resultType, Duration timeout) {
		return awaitAsync(id, ParameterizedTypeReference.forType(resultType), timeout);
	}

	/**
	 * Sleeps durably inside a {@link DispatchFunction}: the function is suspended without holding a
	 * thread, and runs again from the top once the time has passed, across restarts of the
	 * application; on that run the sleep returns at once. The first run to reach the sleep fixes when
	 * it ends. The protocol's shortest wait is a second, so a shorter sleep lasts a second.
	 * @param duration how long to sleep
	 * @throws IllegalStateException outside a function
	 */
	void sleep(Duration duration);

	/**
	 * Where a call stands: pending, running, suspended or done, its attempts, its last error, when it
	 * was accepted and ended, and the status it ended with. Known to the scheduler embedded in the
	 * application; a remote Dispatch API does not tell it.
	 * @param id the call's id
	 * @return its status
	 * @throws DispatchException with status {@code NOT_FOUND} if the store does not hold the call, or
	 * {@code PERMISSION_DENIED} if the scheduler does not tell statuses
	 */
	CallStatus status(DispatchId id);

	/**
	 * Cancels a call and the calls it made that have not ended, down its tree. A pending or suspended
	 * call ends at once with an error of type {@value Cancellation#ERROR_TYPE} (status
	 * {@code PERMANENT_ERROR}), delivered to its parent like any result, so that a gather waiting for
	 * it throws a {@link CallFailedException} whose {@link CallFailedException#isCancelled()} is
	 * {@code true}. A running call is interrupted and ends the same way when its attempt returns.
	 * Cancelling again, or cancelling a call that ended, changes nothing.
	 * @param id the call's id
	 * @return what was found and done
	 * @throws DispatchException with status {@code NOT_FOUND} if the scheduler does not hold the call
	 */
	Cancellation cancel(DispatchId id);

	/**
	 * The call the current thread runs, inside a {@link DispatchFunction}: its ids key side effects
	 * that must happen once. A function may also declare a {@link DispatchCall} parameter.
	 * @return the call
	 * @throws IllegalStateException outside a function
	 */
	DispatchCall currentCall();

	/**
	 * A type-safe handle on a function, to dispatch and gather without repeating its name and types.
	 * @param name the function's name
	 * @param resultType the function's result type
	 * @param <I> the input type
	 * @param <O> the result type
	 * @return the handle
	 */
	default <I, O> DispatchFunctionHandle<I, O> function(String name, Class<O> resultType) {
		return function(name, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * A type-safe handle on a function whose result has a generic type, for example
	 * {@code client.function("invoices", new ParameterizedTypeReference<List<Invoice>>() {})}.
	 * @param name the function's name
	 * @param resultType the function's full result type
	 * @param <I> the input type
	 * @param <O> the result type
	 * @return the handle
	 */
	default <I, O> DispatchFunctionHandle<I, O> function(String name, ParameterizedTypeReference<O> resultType) {
		return new DispatchFunctionHandle<>(this, name, resultType);
	}

	/**
	 * A type-safe handle on a function of this application named by its method, for example
	 * {@code client.function(Invoicing::generateInvoice)}: its name, input and result types come from
	 * the method, and the compiler checks them.
	 * @param function a method reference to a {@code @DispatchFunction} method of one of this
	 * application's beans
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 * @param <O> the result type
	 * @return the handle
	 * @throws IllegalArgumentException if the reference is not a method reference to a registered function
	 */
	<B, I, O> DispatchFunctionHandle<I, O> function(FunctionReference<B, I, O> function);

	/**
	 * A type-safe handle on a function of this application that takes no input, named by its method.
	 * @param function a method reference to a {@code @DispatchFunction} method without parameters
	 * @param <B> the bean declaring the function
	 * @param <O> the result type
	 * @return the handle, whose calls take {@code null} as input
	 * @throws IllegalArgumentException if the reference is not a method reference to a registered function
	 */
	<B, O> DispatchFunctionHandle<Void, O> function(FunctionReference.WithoutInput<B, O> function);

	/**
	 * A type-safe handle on a function of this application that returns nothing, named by its method.
	 * @param function a method reference to a {@code void} {@code @DispatchFunction} method
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 * @return the handle, whose results are {@code null}
	 * @throws IllegalArgumentException if the reference is not a method reference to a registered function
	 */
	<B, I> DispatchFunctionHandle<I, Void> function(FunctionReference.WithoutResult<B, I> function);

	/**
	 * A type-safe handle on a function of this application that also takes its {@link DispatchCall},
	 * named by its method.
	 * @param function a method reference to a {@code @DispatchFunction} method taking an input and the call
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 * @param <O> the result type
	 * @return the handle
	 * @throws IllegalArgumentException if the reference is not a method reference to a registered function
	 */
	<B, I, O> DispatchFunctionHandle<I, O> function(FunctionReference.WithCall<B, I, O> function);

	/**
	 * A type-safe handle on a function of this application that takes its {@link DispatchCall} and
	 * returns nothing, named by its method.
	 * @param function a method reference to a {@code void} {@code @DispatchFunction} method taking an
	 * input and the call
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 * @return the handle, whose results are {@code null}
	 * @throws IllegalArgumentException if the reference is not a method reference to a registered function
	 */
	<B, I> DispatchFunctionHandle<I, Void> function(FunctionReference.WithCallWithoutResult<B, I> function);

}
