package io.github.dispatchspring.durable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.Step;
import org.jspecify.annotations.Nullable;

/**
 * The journal of one function call: its input and what each of its gathers and batches produced,
 * carried by the scheduler as the call's coroutine state between runs.
 */
public final class ReplayJournal {

	private static final Duration MAX_WAIT = Duration.newBuilder().setSeconds(300).build();

	private final Journal.Builder journal;

	private ReplayJournal(Journal.Builder journal) {
		this.journal = journal;
	}

	/**
	 * A journal for the first run of a call.
	 * @param input the call's input
	 * @return an empty journal
	 */
	public static ReplayJournal start(Any input) {
		return new ReplayJournal(Journal.newBuilder().setInput(input).setEpoch(ThreadLocalRandom.current().nextInt()));
	}

	/**
	 * The journal a suspended call resumes with: its state with the delivered results merged in by
	 * correlation id. Results that match no pending slot are ignored, so redelivery is harmless.
	 * @param pollResult what the scheduler resumed the call with
	 * @return the journal
	 * @throws DispatchException with status {@code INCOMPATIBLE_STATE} if the state is not a journal, or
	 * a journal suspended at a step it does not hold
	 */
	public static ReplayJournal resume(PollResult pollResult) {
		Any state = pollResult.getTypedCoroutineState();
		if (!state.is(Journal.class)) {
			throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE,
					"The coroutine state of type '" + state.getTypeUrl() + "' is not a journal of this SDK");
		}
		try {
			ReplayJournal journal = new ReplayJournal(state.unpack(Journal.class).toBuilder());
			int suspendedAt = journal.journal.getSuspendedAt();
			if (suspendedAt != 0 && journal.find(suspendedAt) == null) {
				throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE, "The journal is suspended at step "
						+ Integer.toUnsignedString(suspendedAt) + ", which it does not hold");
			}
			journal.merge(pollResult.getResultsList());
			if (pollResult.hasError() && suspendedAt != 0) {
				journal.put(suspendedAt, journal.step(suspendedAt).toBuilder().setError(pollResult.getError()).build());
			}
			return journal;
		}
		catch (InvalidProtocolBufferException ex) {
			throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE, "The journal cannot be read", ex);
		}
	}

	private void merge(List<CallResult> results) {
		Map<Integer, Step.Builder> touched = new HashMap<>();
		for (CallResult result : results) {
			int sequence = (int) (result.getCorrelationId() >>> 32) ^ this.journal.getEpoch();
			int index = (int) result.getCorrelationId();
			Step step = this.journal.getStepsMap().get(sequence);
			if (step == null || index < 0 || index >= step.getSize()) {
				continue;
			}
			Step.Builder builder = touched.computeIfAbsent(sequence, (key) -> step.toBuilder());
			if (!builder.containsResults(index)) {
				builder.putResults(index, result);
			}
		}
		touched.forEach((sequence, builder) -> put(sequence, builder.build()));
	}

	/**
	 * The input of the call's first run.
	 * @return the input
	 */
	public Any input() {
		return this.journal.getInput();
	}

	/**
	 * Whether the gather the call is suspended on still misses results, so running the function again
	 * would only suspend it again.
	 * @return {@code true} while results are missing
	 */
	public boolean waiting() {
		int suspendedAt = this.journal.getSuspendedAt();
		if (suspendedAt == 0) {
			return false;
		}
		return !settled(step(suspendedAt));
	}

	/**
	 * Whether a gather's step needs no more results: all are there, one of them failed, or the
	 * scheduler refused its calls.
	 */
	static boolean settled(Step step) {
		return step.hasError() || step.getResultsCount() == step.getSize()
				|| step.getResultsMap().values().stream().anyMatch(CallResult::hasError);
	}

	@Nullable Step find(int sequence) {
		return this.journal.getStepsMap().get(sequence);
	}

	Step step(int sequence) {
		return this.journal.getStepsOrThrow(sequence);
	}

	void put(int sequence, Step step) {
		this.journal.putSteps(sequence, step);
	}

	/**
	 * The poll that suspends the call on the gather it is waiting for, starting the given calls. It
	 * asks to be resumed once, when all the missing results are there, so that a gather costs one
	 * resume whatever its size.
	 * @param calls the calls to start, empty when they were started before
	 * @return the poll
	 */
	public Poll poll(List<Call> calls) {
		Step step = step(this.journal.getSuspendedAt());
		int missing = Math.max(1, step.getSize() - step.getResultsCount());
		return Poll.newBuilder()
			.addAllCalls(calls)
			.setTypedCoroutineState(Any.pack(this.journal.build()))
			.setMinResults(missing)
			.setMaxResults(missing)
			.setMaxWait(MAX_WAIT)
			.build();
	}

	void suspendAt(int sequence) {
		this.journal.setSuspendedAt(sequence);
	}

	long correlationId(int sequence, int index) {
		return ((long) (sequence ^ this.journal.getEpoch()) << 32) | Integer.toUnsignedLong(index);
	}

}
