package io.github.dispatchspring.samples.scheduler;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint whose functions answer the way functions of the Go and Python Dispatch SDKs do, written
 * from the protocol's description: Go-style functions take and return wrappers and
 * {@code google.protobuf.Value}, Python-style ones (named like {@code __qualname__}) pickled values in
 * {@code dispatch.sdk.python.v1.Pickled}, polls carry coroutine state of types the scheduler does not
 * know, and a Python {@code Reset} is a tail call with a temporary error. It records what the tests
 * check: the results each resume carried and whether its state came back as sent.
 */
final class SdkShapedEndpoint implements AutoCloseable {

	/** The type URL the Python SDK packs pickled values with. */
	static final String PICKLED = "buf.build/stealthrocket/dispatch-proto/dispatch.sdk.python.v1.Pickled";

	/** The type URL of the Go SDK's durable coroutine state. */
	static final String GO_STATE = "buf.build/stealthrocket/coroutine/coroutine.v1.State";

	/** The calls {@code sum_of_squares} gathers. */
	static final int SQUARES = 26;

	/** The most results a Python poll asks for per resume. */
	static final int MAX_RESULTS = 10;

	/** The first correlation id of the race, chosen at random by a Go coroutine. */
	static final long RACE = 0x5EED_1234_0000_0000L;

	private final ProtocolEndpoint server = ProtocolEndpoint.start(this::run);

	final List<Integer> resumeSizes = new CopyOnWriteArrayList<>();

	final List<Integer> acceptedPages = new CopyOnWriteArrayList<>();

	final List<Boolean> statesEchoed = new CopyOnWriteArrayList<>();

	final List<Any> statesSent = new CopyOnWriteArrayList<>();

	final Set<Long> correlationIdsReceived = new TreeSet<>();

	final AtomicInteger squaresAnswered = new AtomicInteger();

	final AtomicInteger staleResults = new AtomicInteger();

	volatile boolean raceMovedOn;

	volatile boolean nextReleased;

	String url() {
		return this.server.url();
	}

	ProtocolEndpoint server() {
		return this.server;
	}

	List<RunRequest> requests(String function) {
		return this.server.requests().stream().filter((run) -> run.getFunction().equals(function)).toList();
	}

	List<RunRequest> requests(String function, String dispatchId) {
		return requests(function).stream().filter((run) -> run.getDispatchId().equals(dispatchId)).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private Answer run(RunRequest run) {
		return switch (run.getFunction()) {
			case "double" -> exit(Any.pack(Int64Value.of(2 * unpack(run.getInput(), Int64Value.class).getValue())));
			case "greet" -> exit(Any.pack(StringValue.of("Hello, " + text(run.getInput()))));
			case "describe" -> exit(describe(unpack(run.getInput(), Value.class)));
			case "billing.<locals>.charge" -> exit(pickled(Pickles.CHARGED));
			case "billing.<locals>.refund" -> answer(Status.STATUS_INVALID_ARGUMENT,
					Exit.newBuilder().setResult(CallResult.newBuilder().setError(Pickles.REFUND_ERROR)));
			case "main.<locals>.sum_of_squares" -> sumOfSquares(run);
			case "main.<locals>.square" -> square(run);
			case "race" -> race(run);
			case "fast" -> exit(Any.pack(StringValue.of("fast")));
			case "slow" -> this.raceMovedOn ? exit(Any.pack(StringValue.of("slow"))) : busy();
			case "next" -> this.nextReleased ? exit(Any.pack(StringValue.of("next"))) : busy();
			case "main.<locals>.retry_later" -> answer(Status.STATUS_TEMPORARY_ERROR, Exit.newBuilder()
				.setTailCall(Call.newBuilder()
					.setEndpoint(url())
					.setFunction("main.<locals>.fetch_page")
					.setInput(pickled(Pickles.PAGE_2))));
			case "continue_with" -> answer(Status.STATUS_OK, Exit.newBuilder()
				.setResult(CallResult.getDefaultInstance())
				.setTailCall(Call.newBuilder().setFunction("finish").setInput(Any.pack(StringValue.of("tail")))));
			case "main.<locals>.fetch_page" -> exit(run.getInput());
			case "finish" -> exit(Any.pack(StringValue.of(text(run.getInput()) + " done")));
			case "main.<locals>.stuck" -> poll(pickled(Pickles.STUCK_STATE), List.of(), null);
			default -> new Answer(404, "application/json",
					("{\"code\":\"not_found\",\"message\":\"function '" + run.getFunction() + "' does not exist\"}")
						.getBytes());
		};
	}

	static Any describe(Value input) {
		Struct fields = input.getStructValue();
		return Any.pack(Value.newBuilder()
			.setStructValue(Struct.newBuilder()
				.putFields("owner", fields.getFieldsOrThrow("owner"))
				.putFields("count", Value.newBuilder()
					.setNumberValue(fields.getFieldsOrThrow("items").getListValue().getValuesCount())
					.build()))
			.build());
	}

	/**
	 * A Python coroutine gathering {@link #SQUARES} calls with the SDK's defaults: at least one and at
	 * most ten results per resume, no {@code max_wait}. While it is busy (its calls have not all been
	 * answered, or a resume brings fewer than ten results while more are awaited) it fails the resume
	 * with a temporary error, so that results pile up and the scheduler must page them.
	 */
	private Answer sumOfSquares(RunRequest run) {
		if (run.hasInput()) {
			List<Call> calls = LongStream.rangeClosed(1, SQUARES)
				.mapToObj((i) -> Call.newBuilder()
					.setCorrelationId(PythonState.correlationId(i))
					.setEndpoint(url())
					.setFunction("main.<locals>.square")
					.setInput(Any.pack(Int64Value.of(i)))
					.build())
				.toList();
			return pythonPoll(PythonState.awaiting(calls), calls);
		}
		PollResult resumed = run.getPollResult();
		this.resumeSizes.add(resumed.getResultsCount());
		this.statesEchoed.add(resumed.getTypedCoroutineState().equals(this.statesSent.get(this.statesSent.size() - 1)));
		PythonState state = PythonState.decode(resumed.getTypedCoroutineState());
		if (this.squaresAnswered.get() < SQUARES
				|| resumed.getResultsCount() < Math.min(MAX_RESULTS, state.awaiting().size())) {
			return busy();
		}
		this.acceptedPages.add(resumed.getResultsCount());
		resumed.getResultsList().forEach((result) -> this.correlationIdsReceived.add(result.getCorrelationId()));
		PythonState next = state.with(resumed.getResultsList());
		if (next.awaiting().isEmpty()) {
			return exit(Any.pack(Int64Value.of(next.sum())));
		}
		return pythonPoll(next, List.of());
	}

	private Answer pythonPoll(PythonState state, List<Call> calls) {
		Any encoded = state.encode();
		this.statesSent.add(encoded);
		return poll(encoded, calls, null);
	}

	private Answer square(RunRequest run) {
		long value = unpack(run.getInput(), Int64Value.class).getValue();
		this.squaresAnswered.incrementAndGet();
		return exit(Any.pack(Int64Value.of(value * value)));
	}

	/**
	 * A Go coroutine racing {@code fast} against {@code slow}, then calling {@code next}: the result of
	 * the loser, {@code slow}, comes in a later resume, under a correlation id it no longer awaits, and
	 * is ignored.
	 */
	private Answer race(RunRequest run) {
		if (run.hasInput()) {
			return poll(GoState.RACING.encode(),
					List.of(goCall(RACE, "fast"), goCall(RACE + 1, "slow")), Durations.fromSeconds(300));
		}
		GoState state = GoState.decode(run.getPollResult().getTypedCoroutineState());
		for (CallResult result : run.getPollResult().getResultsList()) {
			long id = result.getCorrelationId();
			if (state.phase().equals("racing") && (id == RACE || id == RACE + 1)) {
				state = new GoState("next", text(result.getOutput()));
			}
			else if (state.phase().equals("next") && id == RACE + 2) {
				return exit(Any.pack(StringValue.of(state.winner() + " then " + text(result.getOutput()))));
			}
			else {
				this.staleResults.incrementAndGet();
			}
		}
		if (state.phase().equals("next") && !this.raceMovedOn) {
			this.raceMovedOn = true;
			return poll(state.encode(), List.of(goCall(RACE + 2, "next")), Durations.fromSeconds(300));
		}
		return poll(state.encode(), List.of(), Durations.fromSeconds(300));
	}

	private static Call goCall(long correlationId, String function) {
		return Call.newBuilder()
			.setCorrelationId(correlationId)
			.setFunction(function)
			.setInput(Any.pack(StringValue.of(function)))
			.build();
	}

	private static Answer poll(Any state, List<Call> calls, @Nullable Duration maxWait) {
		Poll.Builder poll = Poll.newBuilder()
			.setTypedCoroutineState(state)
			.addAllCalls(calls)
			.setMinResults(1)
			.setMaxResults(MAX_RESULTS);
		if (maxWait != null) {
			poll.setMaxWait(maxWait);
		}
		return Answer.of(RunResponse.newBuilder().setStatus(Status.STATUS_OK).setPoll(poll).build());
	}

	private static Answer exit(Any output) {
		return answer(Status.STATUS_OK, Exit.newBuilder().setResult(CallResult.newBuilder().setOutput(output)));
	}

	private static Answer busy() {
		return answer(Status.STATUS_TEMPORARY_ERROR, Exit.newBuilder()
			.setResult(CallResult.newBuilder()
				.setError(Error.newBuilder().setType("Busy").setMessage("not ready yet, try again"))));
	}

	private static Answer answer(Status status, Exit.Builder exit) {
		return Answer.of(RunResponse.newBuilder().setStatus(status).setExit(exit).build());
	}

	/**
	 * A pickled value as the Python SDK sends it; {@code Pickled} has one field,
	 * {@code bytes pickled_value = 1}, the wire format of {@code BytesValue}.
	 * @param pickle the pickle's bytes
	 * @return the value
	 */
	static Any pickled(byte[] pickle) {
		return Any.newBuilder()
			.setTypeUrl(PICKLED)
			.setValue(BytesValue.of(ByteString.copyFrom(pickle)).toByteString())
			.build();
	}

	static String text(Any value) {
		return unpack(value, StringValue.class).getValue();
	}

	static <M extends Message> M unpack(Any value, Class<M> type) {
		try {
			return value.unpack(type);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Opaque bytes standing for pickles: binary, with bytes that are not UTF-8. */
	static final class Pickles {

		static final byte[] ARGUMENTS = { (byte) 0x80, 0x05, 0x00, (byte) 0xff, (byte) 0xfe, 'a', 'd', 'a', 0x00, '.' };

		static final byte[] CHARGED = { (byte) 0x80, 0x05, (byte) 0xc3, 0x28, 0x00, 'o', 'k', '.' };

		static final byte[] PAGE_2 = { (byte) 0x80, 0x05, 0x02, (byte) 0x9f, 0x00, '.' };

		static final byte[] STUCK_STATE = { (byte) 0xde, (byte) 0xad, 0x00, (byte) 0xbe, (byte) 0xef };

		static final Error REFUND_ERROR = Error.newBuilder()
			.setType("ValueError")
			.setMessage("amount must be positive")
			.setValue(ByteString.copyFrom(new byte[] { (byte) 0x80, 0x05, (byte) 0x95, 0x00, (byte) 0xff, '.' }))
			.setTraceback(ByteString.copyFromUtf8("Traceback (most recent call last):\n  File \"billing.py\", line 7\n"))
			.build();

		private Pickles() {
		}

	}

	/**
	 * The state of the Python coroutine, pickled: the correlation ids it awaits and the sum so far, behind
	 * bytes that are not UTF-8, in an {@code Any} of the {@code Pickled} type the scheduler does not know.
	 */
	record PythonState(Set<Long> awaiting, long sum) {

		private static final byte[] MAGIC = { (byte) 0x80, 0x05, (byte) 0xff, 0x00 };

		/** Python's correlation ids: the coroutine's id in the high 32 bits, the call's in the low ones. */
		static long correlationId(long call) {
			return (1L << 32) | call;
		}

		static PythonState awaiting(List<Call> calls) {
			Set<Long> ids = new TreeSet<>();
			calls.forEach((call) -> ids.add(call.getCorrelationId()));
			return new PythonState(ids, 0);
		}

		PythonState with(List<CallResult> results) {
			Set<Long> left = new TreeSet<>(this.awaiting);
			long total = this.sum;
			for (CallResult result : results) {
				if (left.remove(result.getCorrelationId())) {
					total += unpack(result.getOutput(), Int64Value.class).getValue();
				}
			}
			return new PythonState(left, total);
		}

		Any encode() {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.write(MAGIC);
				out.writeLong(this.sum);
				out.writeInt(this.awaiting.size());
				for (long id : this.awaiting) {
					out.writeLong(id);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return pickled(bytes.toByteArray());
		}

		static PythonState decode(Any state) {
			try (DataInputStream in = new DataInputStream(BytesValue.parseFrom(state.getValue()).getValue().newInput())) {
				in.skipNBytes(MAGIC.length);
				long sum = in.readLong();
				Set<Long> awaiting = new TreeSet<>();
				for (int i = in.readInt(); i > 0; i--) {
					awaiting.add(in.readLong());
				}
				return new PythonState(awaiting, sum);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The state of the Go coroutine: its phase and the winner of the race, as the bytes of a durable
	 * Go coroutine's {@code coroutine.v1.State}, which the scheduler does not know.
	 */
	record GoState(String phase, String winner) {

		static final GoState RACING = new GoState("racing", "");

		Any encode() {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.write(new byte[] { 0x0a, (byte) 0xff });
				out.writeUTF(this.phase);
				out.writeUTF(this.winner);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Any.newBuilder().setTypeUrl(GO_STATE).setValue(ByteString.copyFrom(bytes.toByteArray())).build();
		}

		static GoState decode(Any state) {
			try (DataInputStream in = new DataInputStream(state.getValue().substring(2).newInput())) {
				return new GoState(in.readUTF(), in.readUTF());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
