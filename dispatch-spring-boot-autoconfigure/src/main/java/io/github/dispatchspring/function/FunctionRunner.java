package io.github.dispatchspring.function;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.SerializationException;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.durable.DurableExecution;
import io.github.dispatchspring.durable.InconsistentJournalException;
import io.github.dispatchspring.durable.ReplayDivergence;
import io.github.dispatchspring.durable.ReplayJournal;
import io.github.dispatchspring.durable.RunningCall;
import io.github.dispatchspring.durable.Suspension;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * Runs a function for a {@link RunRequest} and describes the outcome as a {@link RunResponse}: an
 * exit with the result or the error, or a poll when the function waits for calls. The webhook and the
 * in-process scheduler both go through here.
 */
public final class FunctionRunner {

	private final FunctionRegistry registry;

	private final ValueCodec codec;

	private final @Nullable ChildCalls childCalls;

	private final long maxJournalSize;

	private final Clock clock;

	private final List<DispatchExceptionMapper> mappers;

	/**
	 * Creates a runner.
	 * @param registry the functions
	 * @param codec the codec of inputs and outputs
	 * @param childCalls the calls in the store of the embedded scheduler, where the journals of the
	 * calls it runs leave the results of their gathers, or {@code null} without one
	 * @param maxJournalSize the largest journal, in bytes, that the webhook accepts back
	 * @param clock the clock the durable sleeps of functions read
	 */
	public FunctionRunner(FunctionRegistry registry, ValueCodec codec, @Nullable ChildCalls childCalls,
			long maxJournalSize, Clock clock) {
		this(registry, codec, childCalls, maxJournalSize, clock, List.of());
	}

	/**
	 * Creates a runner that asks the application's mappers for the status of a function's exception
	 * before the built-in mapping.
	 * @param registry the functions
	 * @param codec the codec of inputs and outputs
	 * @param childCalls the calls in the store of the embedded scheduler, or {@code null} without one
	 * @param maxJournalSize the largest journal, in bytes, that the webhook accepts back
	 * @param clock the clock the durable sleeps of functions read
	 * @param mappers the application's mappers of exceptions to statuses, in their order
	 */
	public FunctionRunner(FunctionRegistry registry, ValueCodec codec, @Nullable ChildCalls childCalls,
			long maxJournalSize, Clock clock, List<DispatchExceptionMapper> mappers) {
		this.registry = registry;
		this.codec = codec;
		this.childCalls = childCalls;
		this.maxJournalSize = maxJournalSize;
		this.clock = clock;
		this.mappers = List.copyOf(mappers);
	}

	/**
	 * Runs the requested function.
	 * @param request the run request
	 * @param attempt the attempt of this run of the call, from 1
	 * @return the response; {@code STATUS_NOT_FOUND} when no function has the requested name
	 * @throws InconsistentJournalException if the request resumes the call with a journal that
	 * contradicts itself: such a request is malformed and nothing of it runs
	 */
	public RunResponse run(RunRequest request, int attempt) {
		RegisteredFunction function = this.registry.find(request.getFunction());
		if (function == null) {
			return failure(DispatchStatus.NOT_FOUND, "FunctionNotFound",
					"function '" + request.getFunction() + "' does not exist", null);
		}
		ReplayJournal journal;
		try {
			journal = request.hasPollResult() ? ReplayJournal.resume(request.getPollResult())
					: ReplayJournal.start(function.name(), request.getInput());
		}
		catch (InconsistentJournalException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
		if (journal.resultsInStore() && this.childCalls == null) {
			return failure(DispatchStatus.INCOMPATIBLE_STATE, "StoreUnavailable", "The journal of function '"
					+ function.name() + "' keeps the results of its calls in the store of a scheduler this "
					+ "application does not share", null);
		}
		if (journal.waiting()) {
			return poll(function, journal.poll(List.of()));
		}
		String root = request.getRootDispatchId().isEmpty() ? request.getDispatchId() : request.getRootDispatchId();
		RunningCall call = new RunningCall(function.name(), request.getDispatchId(), root,
				request.getParentDispatchId(), Math.max(attempt, 1));
		DurableExecution execution = new DurableExecution(call, journal, this.childCalls, this.clock);
		try (CallLogging logging = CallLogging.open(call)) {
			Object output = execution.run(() -> invoke(function, journal.input(), call));
			return success(output);
		}
		catch (Suspension suspension) {
			return poll(function, suspension.poll());
		}
		catch (ReplayDivergence divergence) {
			return failure(DispatchStatus.PERMANENT_ERROR, divergence.getClass().getName(), divergence.getMessage(),
					divergence);
		}
		catch (FunctionFailure failure) {
			return failure(failure.getCause());
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
	}

	private @Nullable Object invoke(RegisteredFunction function, Any input, RunningCall call) {
		try {
			Object value = (function.inputType() != null) ? this.codec.decode(input, function.inputType()) : null;
			return function.invoke(value, call::toDispatchCall);
		}
		catch (Suspension | ReplayDivergence replay) {
			throw replay;
		}
		catch (Throwable ex) {
			throw new FunctionFailure(ex);
		}
	}

	private RunResponse success(@Nullable Object output) {
		Any encoded;
		try {
			encoded = this.codec.encode(output);
		}
		catch (SerializationException ex) {
			return failure(DispatchStatus.INVALID_RESPONSE, ex.getClass().getName(), ex.getMessage(), ex);
		}
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder().setResult(CallResult.newBuilder().setOutput(encoded)))
			.build();
	}

	private RunResponse poll(RegisteredFunction function, Poll poll) {
		int size = poll.getTypedCoroutineState().getSerializedSize();
		if (size > this.maxJournalSize) {
			return failure(DispatchStatus.PERMANENT_ERROR, "JournalTooLarge", "The journal of function '"
					+ function.name() + "' would be " + size + " bytes, more than the " + this.maxJournalSize
					+ " bytes the webhook accepts back (dispatch.max-request-size): gather fewer calls, or calls with "
					+ "smaller results, in one call, or raise dispatch.max-request-size", null);
		}
		return RunResponse.newBuilder().setStatus(Status.STATUS_OK).setPoll(poll).build();
	}

	private RunResponse failure(Throwable error) {
		return failure(ErrorStatus.of(error, this.mappers), error.getClass().getName(),
				String.valueOf(error.getMessage()), error);
	}

	private static RunResponse failure(DispatchStatus status, String type, String message, @Nullable Throwable error) {
		Error.Builder wireError = Error.newBuilder().setType(type).setMessage(message);
		if (error != null) {
			StringWriter trace = new StringWriter();
			error.printStackTrace(new PrintWriter(trace));
			wireError.setTraceback(ByteString.copyFrom(trace.toString(), StandardCharsets.UTF_8));
		}
		return RunResponses.failed(status, wireError.build());
	}

	/** Carries a function's own exception out of the journal's scope. */
	private static final class FunctionFailure extends RuntimeException {

		FunctionFailure(Throwable cause) {
			super(cause);
		}

	}

}
