package io.github.dispatchspring.client;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunctionHandle;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.FunctionReference;
import io.github.dispatchspring.durable.DurableExecution;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;

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
	public DispatchBatch batch() {
		return new Batch();
	}

	@Override
	public <R> List<R> gather(String function, List<?> inputs, Class<R> resultType) {
		List<Call> calls = new ArrayList<>(inputs.size());
		for (Object input : inputs) {
			calls.add(call(function, input));
		}
		if (calls.isEmpty()) {
			return List.of();
		}
		DurableExecution execution = DurableExecution.current();
		List<CallResult> results = (execution != null) ? execution.gather(calls)
				: this.submitter.await(this.submitter.submit(calls, null), this.awaitTimeout);
		results.stream().filter(CallResult::hasError).findFirst().ifPresent(DefaultDispatchClient::fail);
		List<R> values = new ArrayList<>(results.size());
		for (CallResult result : results) {
			values.add(this.codec.decode(result.getOutput(), resultType));
		}
		return values;
	}

	@Override
	public <R> R await(DispatchId id, Class<R> resultType, Duration timeout) {
		if (DurableExecution.current() != null) {
			throw new IllegalStateException("await blocks the scheduler inside a Dispatch function; use gather");
		}
		CallResult result = this.submitter.await(List.of(id), timeout).get(0);
		if (result.hasError()) {
			fail(result);
		}
		return this.codec.decode(result.getOutput(), resultType);
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

	@SuppressWarnings("unchecked")
	private <I, O> DispatchFunctionHandle<I, O> handle(Serializable reference) {
		RegisteredFunction function = this.references.resolve(reference);
		Class<?> returnType = function.method().getReturnType();
		Class<?> resultType = (returnType == void.class) ? Void.class : ClassUtils.resolvePrimitiveIfNecessary(returnType);
		return function(function.name(), (Class<O>) resultType);
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

	private static void fail(CallResult result) {
		DispatchId id = result.getDispatchId().isEmpty() ? null : new DispatchId(result.getDispatchId());
		throw new CallFailedException(DispatchStatus.PERMANENT_ERROR, id, result.getError().getType(),
				result.getError().getMessage());
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
