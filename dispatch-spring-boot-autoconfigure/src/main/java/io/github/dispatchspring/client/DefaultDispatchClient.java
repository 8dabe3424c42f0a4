package io.github.dispatchspring.client;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunctionHandle;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.FunctionReference;
import io.github.dispatchspring.durable.DurableExecution;
import io.github.dispatchspring.durable.FirstOutcome;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.ClassUtils;

/**
 * The {@link DispatchClient}: journaled inside functions, direct outside them, over whichever
 * {@link CallSubmitter} the application uses.
 */
public final class DefaultDispatchClient implements DispatchClient {

	private final CallSubmitter submitter;

	private final ValueCodec codec;

	private final LocalEndpoint endpoint;

	private final Duration awaitTimeout;

	private final FunctionReferences references;

	/**
	 * Creates the client.
	 * @param submitter submits the calls
	 * @param codec the codec of inputs and results
	 * @param endpoint this application's endpoint, where its calls are addressed
	 * @param awaitTimeout how long {@code gather} waits outside functions
	 * @param registry this application's functions, which function references name
	 */
	public DefaultDispatchClient(CallSubmitter submitter, ValueCodec codec, LocalEndpoint endpoint,
			Duration awaitTimeout, FunctionRegistry registry) {
		this.submitter = submitter;
		this.codec = codec;
		this.endpoint = endpoint;
		this.awaitTimeout = awaitTimeout;
		this.references = new FunctionReferences(registry);
	}

	@Override
	public DispatchId dispatch(String function, @Nullable Object input) {
		return batch().add(function, input).dispatch().get(0);
	}

	@Override
	public DispatchId dispatch(String function, @Nullable Object input, DispatchOptions options) {
		Call call = expiring(call(function, input), options.expiration());
		String key = options.idempotencyKey();
		if (key == null) {
			Batch batch = new Batch();
			batch.calls.add(call);
			return batch.dispatch().get(0);
		}
		if (DurableExecution.current() != null) {
			throw new IllegalStateException("A call dispatched inside a @DispatchFunction takes no idempotency key: "
					+ "its id is derived from the function's call and step, so a retry or a replay dispatches it once "
					+ "already");
		}
		return this.submitter.submitOnce(call, key);
	}

	@Override
	public DispatchBatch batch() {
		return new Batch();
	}

	@Override
	public <R> List<R> gather(String function, List<?> inputs, ParameterizedTypeReference<R> resultType) {
		List<Call> calls = calls(function, inputs);
		if (calls.isEmpty()) {
			return List.of();
		}
		DurableExecution execution = DurableExecution.current();
		List<CallResult> results = (execution != null) ? execution.gather(calls)
				: this.submitter.await(this.submitter.submit(calls, null), this.awaitTimeout);
		return decode(results, resultType);
	}

	@Override
	public <R> CompletableFuture<List<R>> gatherAsync(String function, List<?> inputs,
			ParameterizedTypeReference<R> resultType) {
		outsideFunctions("gatherAsync");
		List<Call> calls = calls(function, inputs);
		if (calls.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return this.submitter.awaitAsync(this.submitter.submit(calls, null), this.awaitTimeout)
			.thenApply((results) -> decode(results, resultType));
	}

	@Override
	public <R> R any(String function, List<?> inputs, ParameterizedTypeReference<R> resultType) {
		return first(function, inputs, resultType, false);
	}

	@Override
	public <R> R race(String function, List<?> inputs, ParameterizedTypeReference<R> resultType) {
		return first(function, inputs, resultType, true);
	}

	@SuppressWarnings("unchecked")
	private <R> R first(String function, List<?> inputs, ParameterizedTypeReference<R> resultType, boolean race) {
		List<Call> calls = calls(function, inputs);
		if (calls.isEmpty()) {
			throw new IllegalArgumentException((race ? "race" : "any") + " needs at least one input");
		}
		DurableExecution execution = DurableExecution.current();
		FirstOutcome outcome = (execution != null)
				? execution.first(calls, race,
						(losers) -> FirstOfCalls.cancel(this.submitter, losers.stream().map(DispatchId::new).toList()))
				: new FirstOfCalls(this.submitter, this.awaitTimeout).await(this.submitter.submit(calls, null), race);
		failOnError(outcome.results(), Math.max(outcome.winner(), 0));
		return (R) this.codec.decode(outcome.results().get(0).getOutput(), resultType.getType());
	}

	@Override
	public <R> R await(DispatchId id, ParameterizedTypeReference<R> resultType, Duration timeout) {
		outsideFunctions("await");
		return decode(this.submitter.await(List.of(id), timeout), resultType).get(0);
	}

	@Override
	public <R> CompletableFuture<R> awaitAsync(DispatchId id, ParameterizedTypeReference<R> resultType,
			Duration timeout) {
		outsideFunctions("awaitAsync");
		return this.submitter.awaitAsync(List.of(id), timeout).thenApply((results) -> decode(results, resultType).get(0));
	}

	private static void outsideFunctions(String method) {
		if (DurableExecution.current() != null) {
			throw new IllegalStateException(method + " would hold the scheduler's thread inside a Dispatch function, "
					+ "where a call's results arrive by replay; use gather, which suspends the function instead");
		}
	}

	private List<Call> calls(String function, List<?> inputs) {
		List<Call> calls = new ArrayList<>(inputs.size());
		for (Object input : inputs) {
			calls.add(call(function, input));
		}
		return calls;
	}

	@SuppressWarnings("unchecked")
	private <R> List<R> decode(List<CallResult> results, ParameterizedTypeReference<R> resultType) {
		failOnError(results, 0);
		List<R> values = new ArrayList<>(results.size());
		for (CallResult result : results) {
			values.add((R) this.codec.decode(result.getOutput(), resultType.getType()));
		}
		return values;
	}

	@Override
	public <B, I, O> DispatchFunctionHandle<I, O> function(FunctionReference<B, I, O> function) {
		return handle(function);
	}

	@Override
	public <B, O> DispatchFunctionHandle<Void, O> function(FunctionReference.WithoutInput<B, O> function) {
		return handle(function);
	}

	@Override
	public <B, I> DispatchFunctionHandle<I, Void> function(FunctionReference.WithoutResult<B, I> function) {
		return handle(function);
	}

	@Override
	public <B, I, O> DispatchFunctionHandle<I, O> function(FunctionReference.WithCall<B, I, O> function) {
		return handle(function);
	}

	@Override
	public <B, I> DispatchFunctionHandle<I, Void> function(FunctionReference.WithCallWithoutResult<B, I> function) {
		return handle(function);
	}

	private <I, O> DispatchFunctionHandle<I, O> handle(Serializable reference) {
		RegisteredFunction function = this.references.resolve(reference);
		Class<?> returnType = function.method().getReturnType();
		Type resultType = returnType.isPrimitive()
				? ((returnType == void.class) ? Void.class : ClassUtils.resolvePrimitiveIfNecessary(returnType))
				: function.method().getGenericReturnType();
		return function(function.name(), ParameterizedTypeReference.<O>forType(resultType));
	}

	@Override
	public void sleep(Duration duration) {
		DurableExecution execution = DurableExecution.current();
		if (execution == null) {
			throw new IllegalStateException("sleep suspends a @DispatchFunction durably and is only known inside one, "
					+ "on the thread that runs it; outside functions, schedule the work as a call instead of waiting");
		}
		execution.sleep(duration);
	}

	@Override
	public Cancellation cancel(DispatchId id) {
		return this.submitter.cancel(id);
	}

	@Override
	public CallStatus status(DispatchId id) {
		return this.submitter.status(id);
	}

	@Override
	public DispatchCall currentCall() {
		DurableExecution execution = DurableExecution.current();
		if (execution == null) {
			throw new IllegalStateException("currentCall() is only known inside a @DispatchFunction, on the thread "
					+ "that runs it");
		}
		return execution.call().toDispatchCall();
	}

	private Call call(String function, @Nullable Object input) {
		if (!FunctionRegistry.isValidName(function)) {
			throw new IllegalArgumentException("'" + function + "' is not a valid Dispatch function name");
		}
		return Call.newBuilder()
			.setFunction(function)
			.setEndpoint(this.endpoint.get())
			.setInput(this.codec.encode(input))
			.build();
	}

	private static Call expiring(Call call, @Nullable Duration expiration) {
		if (expiration == null) {
			return call;
		}
		return call.toBuilder()
			.setExpiration(com.google.protobuf.Duration.newBuilder()
				.setSeconds(expiration.getSeconds())
				.setNanos(expiration.getNano()))
			.build();
	}

	private void failOnError(List<CallResult> results, int firstIndex) {
		List<CallResult> failed = results.stream().filter(CallResult::hasError).toList();
		if (failed.isEmpty()) {
			return;
		}
		Map<String, DispatchStatus> outcomes = this.submitter.outcomes(
				failed.stream().map(CallResult::getDispatchId).filter((id) -> !id.isEmpty()).toList());
		List<CallFailedException.Failure> failures = new ArrayList<>(failed.size());
		for (int i = 0; i < results.size(); i++) {
			CallResult result = results.get(i);
			if (result.hasError()) {
				String id = result.getDispatchId();
				failures.add(new CallFailedException.Failure(firstIndex + i, id.isEmpty() ? null : new DispatchId(id),
						outcomes.getOrDefault(id, DispatchStatus.PERMANENT_ERROR), result.getError().getType(),
						result.getError().getMessage()));
			}
		}
		throw new CallFailedException(failures);
	}

	private final class Batch implements DispatchBatch {

		private final List<Call> calls = new ArrayList<>();

		@Override
		public DispatchBatch add(String function, @Nullable Object input) {
			this.calls.add(call(function, input));
			return this;
		}

		@Override
		public List<DispatchId> dispatch() {
			if (this.calls.isEmpty()) {
				return List.of();
			}
			List<DispatchId> ids = submit(List.copyOf(this.calls));
			this.calls.clear();
			return ids;
		}

		private List<DispatchId> submit(List<Call> submitted) {
			DurableExecution execution = DurableExecution.current();
			if (execution == null) {
				return DefaultDispatchClient.this.submitter.submit(submitted, null);
			}
			CallSubmitter.CallOrigin origin = new CallSubmitter.CallOrigin(execution.call().dispatchId(),
					execution.call().rootDispatchId());
			return execution
				.batch(submitted,
						(calls) -> DefaultDispatchClient.this.submitter.submit(calls, origin)
							.stream()
							.map(DispatchId::value)
							.toList())
				.stream()
				.map(DispatchId::new)
				.toList();
		}

	}

}
