package io.github.dispatchspring.durable;

import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Step;
import org.jspecify.annotations.Nullable;

/**
 * The steps of one run of a call: numbers them in the order the function reaches them, and finds
 * what an earlier run left at each, in the journal or, by the ids of the step's calls, in the
 * scheduler's store.
 */
final class CallSteps {

	private final String dispatchId;

	private final ReplayJournal journal;

	private final @Nullable ChildCalls store;

	private final int replayed;

	private int sequence;

	CallSteps(String dispatchId, ReplayJournal journal, @Nullable ChildCalls store) {
		this.dispatchId = dispatchId;
		this.journal = journal;
		this.store = store;
		this.replayed = journal.suspendedAt();
	}

	/**
	 * Takes the sequence number of the next step.
	 * @return the sequence number, from 1
	 */
	int next() {
		return ++this.sequence;
	}

	/**
	 * The number of steps this run has reached.
	 * @return the last sequence number taken
	 */
	int reached() {
		return this.sequence;
	}

	/**
	 * Whether an earlier run reached the given step.
	 * @param step the sequence number
	 * @return {@code true} if the step is replayed
	 */
	boolean replayed(int step) {
		return step <= this.replayed;
	}

	/**
	 * Whether this run has not yet reached every step an earlier run reached.
	 * @return {@code true} while steps of the earlier run are ahead
	 */
	boolean behind() {
		return this.sequence < this.replayed;
	}

	ReplayJournal journal() {
		return this.journal;
	}

	/**
	 * Whether the results of the call's steps are in the store, decided at the first step of the
	 * first run by whether the store holds the call.
	 * @return {@code true} if they are read back from the store
	 */
	boolean inStore() {
		if (!this.journal.placed()) {
			boolean held = this.store != null && this.store.holds(this.dispatchId);
			this.journal.keepResults(held ? Journal.Results.RESULTS_IN_STORE : Journal.Results.RESULTS_IN_JOURNAL);
		}
		return this.journal.resultsInStore();
	}

	ChildCalls store() {
		if (this.store == null) {
			throw new IllegalStateException("The journal keeps results in a store this application does not reach");
		}
		return this.store;
	}

	/**
	 * The calls of a step with the correlation ids that tie them to it.
	 * @param step the sequence number
	 * @param asked what the step asks for
	 * @return the calls in call order
	 */
	List<Call> correlated(int step, StepCalls asked) {
		List<Call> calls = asked.calls();
		List<Call> correlated = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			long correlationId = this.journal.correlationId(step, asked.kind(), calls.size(), i);
			correlated.add(calls.get(i).toBuilder().setCorrelationId(correlationId).build());
		}
		return correlated;
	}

	/**
	 * The ids the scheduler gives the given calls of this call.
	 * @param correlated the calls, with their correlation ids
	 * @return the dispatch ids in call order
	 */
	List<String> ids(List<Call> correlated) {
		return store().ids(this.dispatchId, correlated);
	}

	/**
	 * The ids the scheduler gives the calls of a step.
	 * @param step the sequence number
	 * @param asked what the step asks for
	 * @return the dispatch ids in call order
	 */
	List<String> ids(int step, StepCalls asked) {
		return ids(correlated(step, asked));
	}

	/**
	 * The calls earlier runs of this call made, as the store holds them.
	 * @return the calls
	 */
	List<Call> children() {
		return store().children(this.dispatchId);
	}

	/**
	 * The results a step recorded in the journal, in call order: the scheduler's refusal alone, or
	 * a result per call, empty where none is recorded.
	 * @param step the recorded step
	 * @param size the number of calls
	 * @return the results
	 */
	static List<CallResult> recordedResults(Step step, int size) {
		if (step.hasError()) {
			return List.of(CallResult.newBuilder().setError(step.getError()).build());
		}
		List<CallResult> results = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			results.add(step.getResultsMap().getOrDefault(i, CallResult.getDefaultInstance()));
		}
		return results;
	}

}
