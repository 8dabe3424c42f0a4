package io.github.dispatchspring.durable;

import java.util.Map;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Step;

/**
 * Checks that a journal received from a scheduler is one this SDK could have written: every size it
 * declares is matched by what it holds, so that nothing is allocated or looped over by a number a
 * forged request chose. The checks look at each recorded element once.
 */
final class JournalConsistency {

	private JournalConsistency() {
	}

	/**
	 * Checks a journal.
	 * @param journal the journal
	 * @throws InconsistentJournalException naming what contradicts what
	 */
	static void check(Journal journal) {
		boolean inStore = journal.getResults() == Journal.Results.RESULTS_IN_STORE;
		if (!inStore && journal.getResults() != Journal.Results.RESULTS_IN_JOURNAL) {
			throw inconsistent("it does not say where the results of its calls are kept");
		}
		long suspendedAt = Integer.toUnsignedLong(journal.getSuspendedAt());
		Step pending = journal.getStepsMap().get(journal.getSuspendedAt());
		if (suspendedAt == 0 || pending == null) {
			throw inconsistent("it is suspended at step " + suspendedAt + ", which it does not hold");
		}
		if (!inStore && journal.getStepsCount() != suspendedAt) {
			throw inconsistent("it keeps the results of its calls but holds " + journal.getStepsCount()
					+ " steps of the " + suspendedAt + " it went through");
		}
		for (Map.Entry<Integer, Step> entry : journal.getStepsMap().entrySet()) {
			long sequence = Integer.toUnsignedLong(entry.getKey());
			if (sequence == 0 || sequence > suspendedAt) {
				throw inconsistent("it holds step " + sequence + " but is suspended at step " + suspendedAt);
			}
			check(sequence, entry.getValue(), sequence == suspendedAt, inStore);
		}
	}

	private static void check(long sequence, Step step, boolean pending, boolean inStore) {
		long size = Integer.toUnsignedLong(step.getSize());
		String at = "step " + sequence;
		if (step.getKind() == Step.Kind.KIND_SLEEP) {
			checkSleep(at, step);
			return;
		}
		if (step.getKind() != Step.Kind.KIND_GATHER && step.getKind() != Step.Kind.KIND_BATCH
				&& !ReplayJournal.firstOf(step)) {
			throw inconsistent(at + " is neither a gather, a batch, an any, a race nor a sleep");
		}
		if (size == 0 || step.getFunctionsCount() == 0 || step.getFunctionsCount() > size) {
			throw inconsistent(at + " declares " + size + " calls to " + step.getFunctionsCount() + " functions");
		}
		if (step.getFingerprint().size() != StepCalls.FINGERPRINT_BYTES) {
			throw inconsistent(at + " has a fingerprint of " + step.getFingerprint().size() + " bytes");
		}
		if (step.getKind() == Step.Kind.KIND_BATCH) {
			checkBatch(at, step, size, pending);
			return;
		}
		for (Map.Entry<Integer, CallResult> result : step.getResultsMap().entrySet()) {
			if (Integer.toUnsignedLong(result.getKey()) >= size) {
				throw inconsistent(at + " declares " + size + " calls but holds the result of call "
						+ Integer.toUnsignedLong(result.getKey()));
			}
		}
		if (pending) {
			checkPending(at, step, size);
			return;
		}
		if (!step.getArrived().isEmpty()) {
			throw inconsistent(at + " records arrivals but is not the step the journal is suspended at");
		}
		if (ReplayJournal.firstOf(step)) {
			checkEndedFirstOf(at, step, size);
			return;
		}
		if (inStore && !step.hasError()) {
			throw inconsistent(at + " keeps its results in the store but is recorded in the journal");
		}
		boolean failed = step.hasError() || step.getResultsMap().values().stream().anyMatch(CallResult::hasError);
		if (!failed && step.getResultsCount() != size) {
			throw inconsistent(at + " declares " + size + " calls but holds " + step.getResultsCount() + " results");
		}
	}

	private static void checkEndedFirstOf(String at, Step step, long size) {
		long winner = Integer.toUnsignedLong(step.getWinner());
		boolean allFailed = winner == 0 && step.getResultsCount() == size
				&& step.getResultsMap().values().stream().allMatch(CallResult::hasError);
		if (winner > size || (winner == 0 && !allFailed)) {
			throw inconsistent(at + " ended with call " + winner + " of " + size + " calls");
		}
	}

	private static void checkSleep(String at, Step step) {
		if (step.getSize() != 0 || step.getFunctionsCount() > 0 || step.getResultsCount() > 0
				|| step.getDispatchIdsCount() > 0 || !step.getArrived().isEmpty() || !step.getFingerprint().isEmpty()
				|| step.hasError() || !step.hasWakeAt()) {
			throw inconsistent(at + " is a sleep but records calls, or no time to wake at");
		}
	}

	private static void checkBatch(String at, Step step, long size, boolean pending) {
		if (pending) {
			throw inconsistent(at + " is a batch, which a function is never suspended at");
		}
		if (step.getResultsCount() > 0 || !step.getArrived().isEmpty() || step.hasError()) {
			throw inconsistent(at + " is a batch but records results");
		}
		if (step.getDispatchIdsCount() != size) {
			throw inconsistent(at + " declares " + size + " calls but records " + step.getDispatchIdsCount()
					+ " dispatch ids");
		}
	}

	private static void checkPending(String at, Step step, long size) {
		if (!Arrivals.fit(step.getArrived(), size)) {
			throw inconsistent(at + " declares " + size + " calls but records arrivals for "
					+ step.getArrived().size() * 8L);
		}
		Arrivals arrivals = Arrivals.of(step.getArrived(), step.getSize());
		for (int index : step.getResultsMap().keySet()) {
			if (!arrivals.has(index)) {
				throw inconsistent(at + " holds the result of call " + index + ", which it records as missing");
			}
		}
	}

	private static InconsistentJournalException inconsistent(String problem) {
		return new InconsistentJournalException(problem);
	}

}
