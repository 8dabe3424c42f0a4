package io.github.dispatchspring.security;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.Step;

/**
 * Random protocol messages and byte-level mutations of valid ones: well-formed messages whose fields
 * take odd values (empty, huge, negative, unknown types, journals that point nowhere), and bytes that
 * are flipped, cut or spliced.
 */
final class RandomMessages {

	private static final String TEXT = "abcxyzABC019_.<>-/:@?#[]% \t\u00e9\u4e2d\ud83d\ude00\u0000\u202e";

	private static final long[] ODD_LONGS = { 0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE,
			315_576_000_000L, 315_576_000_001L, -315_576_000_001L };

	private static final int[] ODD_INTS = { 0, 1, -1, 999_999_999, 1_000_000_000, Integer.MAX_VALUE,
			Integer.MIN_VALUE };

	private final Random random;

	private final List<String> functions;

	private final List<String> endpoints;

	RandomMessages(Random random, List<String> functions, List<String> endpoints) {
		this.random = random;
		this.functions = functions;
		this.endpoints = endpoints;
	}

	RunRequest runRequest() {
		RunRequest.Builder request = RunRequest.newBuilder()
			.setFunction(pick(this.functions))
			.setDispatchId(text(40))
			.setRootDispatchId(text(40));
		if (chance(0.3)) {
			request.setParentDispatchId(text(40)).setCreationTime(timestamp()).setExpirationTime(timestamp());
		}
		if (chance(0.5)) {
			request.setInput(any());
		}
		else if (chance(0.9)) {
			request.setPollResult(pollResult());
		}
		return request.build();
	}

	DispatchRequest dispatchRequest() {
		DispatchRequest.Builder request = DispatchRequest.newBuilder();
		int calls = chance(0.05) ? 60 + this.random.nextInt(20) : this.random.nextInt(5);
		for (int i = 0; i < calls; i++) {
			request.addCalls(call());
		}
		return request.build();
	}

	Call call() {
		Call.Builder call = Call.newBuilder()
			.setFunction(pick(this.functions))
			.setEndpoint(pick(this.endpoints))
			.setInput(any());
		if (chance(0.3)) {
			call.setExpiration(Duration.newBuilder().setSeconds(oddLong()).setNanos(oddInt()));
		}
		if (chance(0.2)) {
			call.setCorrelationId(oddLong()).setVersion(text(20));
		}
		return call.build();
	}

	private PollResult pollResult() {
		PollResult.Builder result = PollResult.newBuilder().setTypedCoroutineState(state());
		for (int i = this.random.nextInt(4); i > 0; i--) {
			result.addResults(callResult());
		}
		if (chance(0.2)) {
			result.setError(Error.newBuilder().setType(text(10)).setMessage(text(30)));
		}
		return result.build();
	}

	private Any state() {
		double kind = this.random.nextDouble();
		if (kind < 0.6) {
			return Any.pack(journal());
		}
		if (kind < 0.8) {
			return Any.newBuilder().setTypeUrl(Any.pack(Journal.getDefaultInstance()).getTypeUrl())
				.setValue(ByteString.copyFrom(bytes(64)))
				.build();
		}
		return any();
	}

	private Journal journal() {
		Journal.Builder journal = Journal.newBuilder().setInput(any()).setSuspendedAt(oddInt());
		for (int i = this.random.nextInt(3); i > 0; i--) {
			Step.Builder step = Step.newBuilder().setSize(oddInt());
			for (int j = this.random.nextInt(3); j > 0; j--) {
				step.putResults(oddInt(), callResult());
			}
			if (chance(0.2)) {
				step.addDispatchIds(text(20)).setError(Error.newBuilder().setType(text(10)));
			}
			journal.putSteps(chance(0.5) ? i : oddInt(), step.build());
		}
		return journal.build();
	}

	private CallResult callResult() {
		CallResult.Builder result = CallResult.newBuilder().setCorrelationId(oddLong()).setDispatchId(text(20));
		return chance(0.5) ? result.setOutput(any()).build()
				: result.setError(Error.newBuilder().setType(text(10)).setMessage(text(30))).build();
	}

	Any any() {
		return switch (this.random.nextInt(8)) {
			case 0 -> Any.pack(StringValue.of(text(60)));
			case 1 -> Any.pack(Int64Value.of(oddLong()));
			case 2 -> Any.pack(Value.newBuilder().setListValue(numbers()).build());
			case 3 -> Any.pack(Struct.newBuilder().putFields(text(8), Value.newBuilder().setStringValue(text(8)).build())
				.build());
			case 4 -> Any.pack(Empty.getDefaultInstance());
			case 5 -> Any.pack(BytesValue.of(ByteString.copyFrom(bytes(chance(0.2) ? 8192 : 64))));
			case 6 -> Any.newBuilder().setTypeUrl(text(40)).setValue(ByteString.copyFrom(bytes(64))).build();
			default -> Any.getDefaultInstance();
		};
	}

	private ListValue numbers() {
		ListValue.Builder list = ListValue.newBuilder();
		for (int i = this.random.nextInt(6); i > 0; i--) {
			list.addValues(Value.newBuilder().setNumberValue(chance(0.8) ? this.random.nextInt(100) : oddLong()));
		}
		return list.build();
	}

	private Timestamp timestamp() {
		return Timestamp.newBuilder().setSeconds(oddLong()).setNanos(oddInt()).build();
	}

	/** Flips between one and eight random bits. */
	byte[] flipBits(byte[] bytes) {
		byte[] flipped = Arrays.copyOf(bytes, bytes.length);
		for (int i = 1 + this.random.nextInt(8); i > 0 && flipped.length > 0; i--) {
			flipped[this.random.nextInt(flipped.length)] ^= (byte) (1 << this.random.nextInt(8));
		}
		return flipped;
	}

	/** Cuts the bytes at a random point. */
	byte[] truncate(byte[] bytes) {
		return Arrays.copyOf(bytes, (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length));
	}

	/** Inserts random bytes at a random point. */
	byte[] splice(byte[] bytes) {
		int at = this.random.nextInt(bytes.length + 1);
		byte[] inserted = bytes(16);
		byte[] spliced = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, spliced, 0, at);
		System.arraycopy(inserted, 0, spliced, at, inserted.length);
		System.arraycopy(bytes, at, spliced, at + inserted.length, bytes.length - at);
		return spliced;
	}

	byte[] bytes(int maxLength) {
		byte[] bytes = new byte[this.random.nextInt(maxLength + 1)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	String text(int maxLength) {
		if (chance(0.02)) {
			return "x".repeat(5000);
		}
		StringBuilder text = new StringBuilder();
		for (int i = this.random.nextInt(maxLength + 1); i > 0; i--) {
			text.append(TEXT.charAt(this.random.nextInt(TEXT.length())));
		}
		return text.toString();
	}

	/** Printable ASCII, which an HTTP client accepts in a header value. */
	String headerText(int maxLength) {
		StringBuilder text = new StringBuilder();
		for (int i = this.random.nextInt(maxLength + 1); i > 0; i--) {
			text.append((char) (0x20 + this.random.nextInt(0x5f)));
		}
		return text.toString().strip();
	}

	long oddLong() {
		return chance(0.5) ? ODD_LONGS[this.random.nextInt(ODD_LONGS.length)] : this.random.nextLong();
	}

	int oddInt() {
		return chance(0.5) ? ODD_INTS[this.random.nextInt(ODD_INTS.length)] : this.random.nextInt(10);
	}

	<T> T pick(List<T> values) {
		return values.get(below(values.size()));
	}

	int below(int bound) {
		return this.random.nextInt(bound);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

}
