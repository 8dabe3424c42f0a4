package io.github.dispatchspring.durable;

import java.nio.ByteBuffer;
import java.util.List;

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
 * The journal of one function call: its input, what each of its gathers and batches asked for, and
 * the progress of the gather it is suspended at, carried by the scheduler as the call's coroutine
 * state between runs.
 */
public final class ReplayJournal {

	/** The most results a poll asks for, and its largest minimum: the protocol's bound. */
	static final int MAX_RESULTS = 1000;

	private static final Duration MAX_WAIT = Duration.newBuilder().setSeconds(300).build();

	private static final java.time.Duration MIN_WAIT = java.time.Duration.ofSeconds(1);

	private final Journal.Builder journal;

	private ReplayJournal(Journal.Builder journal) {
		this.journal = journal;
	}

	/**
	 * A journal for the first run of a call.
	 * @param function the function the call runs
	 * @param input the call's input
	 * @return an empty journal
	 */
	public static ReplayJournal start(String function, Any input) {
		byte[] digest = new CallDigest().add(function).add(input).finish();
		return new ReplayJournal(Journal.newBuilder().setInput(input).setGeneration(ByteBuffer.wrap(digest).getInt()));
	}

	/**
	 * The journal a suspended call resumes with: its state, checked for consistency before anything
	 * is sized by it, with the delivered results of the gather it is suspended at merged in by
	 * correlation id. Results that match no missing call of that gather are ignored, so redelivery is
	 * harmless.
	 * @param pollResult what the scheduler resumed the call with
	 * @return the journal
	 * @throws DispatchException with status {@code INCOMPATIBLE_STATE} if the state is not a journal of
	 * this SDK
	 * @throws InconsistentJournalException if it contradicts itself
	 */
	public static ReplayJournal resume(PollResult pollResult) {
		Any state = pollResult.getTypedCoroutineState();
		if (!state.is(Journal.class)) {
			throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE,
					"The coroutine state of type '" + state.getTypeUrl() + "' is not a journal of this SDK");
		}
		Journal journal;
		try {
			journal = state.unpack(Journal.class);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE, "The journal cannot be read", ex);
		}
		JournalConsistency.check(journal);
		ReplayJournal resumed = new ReplayJournal(journal.toBuilder());
		resumed.merge(pollResult.getResultsList());
		if (pollResult.hasError()) {
			int suspendedAt = journal.getSuspendedAt();
			resumed.put(suspendedAt, resumed.step(suspendedAt).toBuilder().setError(pollResult.getError()).build());
		}
		return resumed;
	}

	private void merge(List<CallResult> results) {
		int suspendedAt = this.journal.getSuspendedAt();
		Step step = step(suspendedAt);
		int tag = tag(suspendedAt, step.getKind(), step.getSize());
		Arrivals arrivals = Arrivals.of(step.getArrived(), step.getSize());
		Step.Builder merged = null;
		for (CallResult result : results) {
			long index = result.getCorrelationId() & 0xffffffffL;
			if ((int) (result.getCorrelationId() >>> 32) != tag || index >= Integer.toUnsignedLong(step.getSize())
					|| arrivals.has((int) index)) {
				continue;
			}
			arrivals.add((int) index);
			merged = (merged != null) ? merged : step.toBuilder();
			if (!resultsInStore() || result.hasError()) {
				merged.putResults((int) index, result);
			}
		}
		if (merged != null) {
			put(suspendedAt, merged.setArrived(arrivals.bytes()).build());
		}
	}

	/**
	 * The input of the call's first run.
	 * @return the input
	 */
	public Any input() {
		return this.journal.getInput();
	}

	/**
	 * Whether the results of the call's gathers are in the scheduler's store rather than here.
	 * @return {@code true} if they are read back from the store
	 */
	public boolean resultsInStore() {
		return this.journal.getResults() == Journal.Results.RESULTS_IN_STORE;
	}

	/**
	 * Whether the gather the call is suspended on still misses results, so running the function again
	 * would only suspend it again.
	 * @return {@code true} while results are missing
	 */
	public boolean waiting() {
		Step step = find(this.journal.getSuspendedAt());
		return step != null && !step.getArrived().isEmpty() && !settled(step);
	}

	/**
	 * Whether the gather the call is suspended on needs no more results: all are there, one of them
	 * failed, or the scheduler refused its calls.
	 */
	private static boolean settled(Step step) {
		if (firstOf(step)) {
			return Arrivals.of(step.getArrived(), step.getSize()).count() > 0;
		}
		return step.hasError() || Arrivals.of(step.getArrived(), step.getSize()).complete()
				|| step.getResultsMap().values().stream().anyMatch(CallResult::hasError);
	}

	/**
	 * Whether a step waits for the first of its calls rather than for all of them.
	 * @param step the step
	 * @return {@code true} for an any or a race
	 */
	static boolean firstOf(Step step) {
		return step.getKind() == Step.Kind.KIND_ANY || step.getKind() == Step.Kind.KIND_RACE;
	}

	/**
	 * The poll that suspends the call on the gather it is waiting for, starting the given calls. It
	 * asks to be resumed when up to a thousand of the missing results are there, so that a gather
	 * costs one resume per thousand calls, each carrying a bounded number of results.
	 * @param calls the calls to start, empty when they were started before
	 * @return the poll
	 */
	public Poll poll(List<Call> calls) {
		Step step = step(this.journal.getSuspendedAt());
		int missing = step.getSize() - Arrivals.of(step.getArrived(), step.getSize()).count();
		return Poll.newBuilder()
			.addAllCalls(calls)
			.setTypedCoroutineState(Any.pack(this.journal.build()))
			.setMinResults(firstOf(step) ? 1 : Math.max(1, Math.min(missing, MAX_RESULTS)))
			.setMaxResults(MAX_RESULTS)
			.setMaxWait(MAX_WAIT)
			.build();
	}

	/**
	 * The poll that suspends the call on the sleep it is at: no calls, resumed when the wait ends.
	 * The protocol's shortest wait is a second, so a shorter one lasts a second.
	 * @param wait the time left
	 * @return the poll
	 */
	Poll sleep(java.time.Duration wait) {
		java.time.Duration atLeast = (wait.compareTo(MIN_WAIT) < 0) ? MIN_WAIT : wait;
		return Poll.newBuilder()
			.setTypedCoroutineState(Any.pack(this.journal.build()))
			.setMinResults(1)
			.setMaxResults(1)
			.setMaxWait(Duration.newBuilder().setSeconds(atLeast.getSeconds()).setNanos(atLeast.getNano()))
			.build();
	}

	/**
	 * Whether the journal says yet where results are kept: from the first step of the first run.
	 */
	boolean placed() {
		return this.journal.getResults() != Journal.Results.RESULTS_UNSPECIFIED;
	}

	void keepResults(Journal.Results where) {
		this.journal.setResults(where);
	}

	int suspendedAt() {
		return this.journal.getSuspendedAt();
	}

	void suspendAt(int sequence) {
		this.journal.setSuspendedAt(sequence);
	}

	@Nullable Step find(int sequence) {
		return this.journal.getStepsMap().get(sequence);
	}

	private Step step(int sequence) {
		return this.journal.getStepsOrThrow(sequence);
	}

	void put(int sequence, Step step) {
		this.journal.putSteps(sequence, step);
	}

	void remove(int sequence) {
		this.journal.removeSteps(sequence);
	}

	/**
	 * The correlation id of a call of a step: the call's index in its low 32 bits, and in its high 32
	 * bits a tag of the step standing for its sequence number, kind and size in this generation.
	 * The scheduler derives the call's id from it, so that a run asking for other calls at a step
	 * finds none of the earlier ones.
	 */
	long correlationId(int sequence, Step.Kind kind, int size, int index) {
		return ((long) tag(sequence, kind, size) << 32) | Integer.toUnsignedLong(index);
	}

	/**
	 * The tag of a step in the high bits of its calls' correlation ids.
	 */
	int tag(int sequence, Step.Kind kind, int size) {
		long tag = mix(((long) this.journal.getGeneration() << 32) | Integer.toUnsignedLong(sequence));
		tag = mix(tag ^ (((long) kind.getNumber() << 32) | Integer.toUnsignedLong(size)));
		return (int) (tag >>> 32);
	}

	private static long mix(long value) {
		long mixed = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
		mixed = (mixed ^ (mixed >>> 27)) * 0x94d049bb133111ebL;
		return mixed ^ (mixed >>> 31);
	}

}
