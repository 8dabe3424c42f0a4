package io.github.dispatchspring.durable;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import com.google.protobuf.ByteString;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.Step;

/**
 * What one gather or batch of a run asks for: its kind, its calls and the functions they call, as
 * the journal records it and a replay compares it.
 */
final class StepCalls {

	static final int FINGERPRINT_BYTES = 8;

	private static final int FUNCTIONS_NAMED = 3;

	private final Step.Kind kind;

	private final List<Call> calls;

	private final List<String> functions;

	private StepCalls(Step.Kind kind, List<Call> calls) {
		this.kind = kind;
		this.calls = calls;
		LinkedHashSet<String> functions = new LinkedHashSet<>();
		calls.forEach((call) -> functions.add(call.getFunction()));
		this.functions = List.copyOf(functions);
	}

	static StepCalls gather(List<Call> calls) {
		return new StepCalls(Step.Kind.KIND_GATHER, calls);
	}

	static StepCalls first(boolean race, List<Call> calls) {
		return new StepCalls(race ? Step.Kind.KIND_RACE : Step.Kind.KIND_ANY, calls);
	}

	static StepCalls batch(List<Call> calls) {
		return new StepCalls(Step.Kind.KIND_BATCH, calls);
	}

	Step.Kind kind() {
		return this.kind;
	}

	List<Call> calls() {
		return this.calls;
	}

	int size() {
		return this.calls.size();
	}

	/**
	 * The record of this step before any result arrived.
	 * @return the step's kind, size and functions
	 */
	Step.Builder record() {
		return Step.newBuilder().setKind(this.kind).setSize(size()).addAllFunctions(this.functions);
	}

	/**
	 * The first bytes of the SHA-256 of the calls' functions and inputs, in call order. Endpoints are
	 * left out: every call of a function goes to its own application, whose address may differ from
	 * one run to the next.
	 * @return the fingerprint
	 */
	ByteString fingerprint() {
		CallDigest digest = new CallDigest();
		for (Call call : this.calls) {
			digest.add(call.getFunction()).add(call.getInput());
		}
		return ByteString.copyFrom(Arrays.copyOf(digest.finish(), FINGERPRINT_BYTES));
	}

	/**
	 * Whether a recorded step asked for the same kind, number of calls and functions.
	 * @param recorded the recorded step
	 * @return {@code true} if it did
	 */
	boolean sameShapeAs(Step recorded) {
		return recorded.getKind() == this.kind && recorded.getSize() == size()
				&& recorded.getFunctionsList().equals(this.functions);
	}

	/**
	 * Whether a recorded step's fingerprint differs from this step's.
	 * @param recorded the recorded step
	 * @return {@code true} if it differs
	 */
	boolean otherInputsThan(Step recorded) {
		return !recorded.getFingerprint().equals(fingerprint());
	}

	String describe() {
		return describe(this.kind, size(), this.functions);
	}

	static String describe(Step step) {
		if (step.getKind() == Step.Kind.KIND_SLEEP) {
			return "a sleep until " + java.time.Instant.ofEpochSecond(step.getWakeAt().getSeconds(),
					step.getWakeAt().getNanos());
		}
		return describe(step.getKind(), Integer.toUnsignedLong(step.getSize()), step.getFunctionsList());
	}

	/**
	 * Describes a step: {@code a gather of 100 calls to generateInvoice}.
	 * @param kind a gather, a batch, an any or a race
	 * @param size the number of calls
	 * @param functions the functions called
	 * @return the description
	 */
	static String describe(Step.Kind kind, long size, List<String> functions) {
		String what = switch (kind) {
			case KIND_BATCH -> "a batch of ";
			case KIND_ANY -> "an any of ";
			case KIND_RACE -> "a race of ";
			default -> "a gather of ";
		};
		String calls = Long.toUnsignedString(size) + ((size == 1) ? " call" : " calls");
		return what + calls + " to " + names(functions);
	}

	private static String names(List<String> functions) {
		if (functions.size() == 1) {
			return functions.get(0);
		}
		if (functions.size() <= FUNCTIONS_NAMED) {
			return String.join(", ", functions.subList(0, functions.size() - 1)) + " and "
					+ functions.get(functions.size() - 1);
		}
		return String.join(", ", functions.subList(0, FUNCTIONS_NAMED)) + " and "
				+ (functions.size() - FUNCTIONS_NAMED) + " other functions";
	}

}
