package io.github.dispatchspring.durable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Step;

/**
 * The races and anys of a run: steps that wait for the first of their calls to end, or to succeed.
 * The choice is recorded, so that a replay returns it again, and the calls that lost are handed on
 * to be cancelled.
 */
final class Races {

	private final CallSteps steps;

	private final Divergences divergences;

	Races(CallSteps steps, Divergences divergences) {
		this.steps = steps;
		this.divergences = divergences;
	}

	/**
	 * The first of the given calls to end, for a race, or to succeed, for an any; ties go to the
	 * lowest index.
	 * @param calls the calls, without correlation ids
	 * @param race whether a failure may be the first outcome
	 * @param cancel cancels the dispatch ids of the calls that lost and have not ended
	 * @return the chosen call's result, or every failure of an any whose calls all failed
	 * @throws Suspension to suspend the function until a result is there
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	FirstOutcome first(List<Call> calls, boolean race, Consumer<List<String>> cancel) {
		int step = this.steps.next();
		StepCalls asked = StepCalls.first(race, calls);
		ReplayJournal journal = this.steps.journal();
		Step recorded;
		if (!this.steps.replayed(step)) {
			this.steps.inStore();
			recorded = asked.record()
				.setFingerprint(asked.fingerprint())
				.setArrived(Arrivals.none(asked.size()).bytes())
				.build();
		}
		else {
			recorded = recorded(step, asked);
			if (step != journal.suspendedAt()) {
				return chosen(step, recorded, asked);
			}
		}
		List<Call> correlated = this.steps.correlated(step, asked);
		List<String> ids = journal.resultsInStore() ? this.steps.ids(correlated) : List.of();
		Map<Integer, CallResult> ended = ended(recorded, ids);
		FirstOutcome outcome = FirstOutcome.choose(ended, asked.size(), race);
		if (outcome == null) {
			journal.put(step, recorded);
			journal.suspendAt(step);
			throw new Suspension(journal.poll(this.steps.replayed(step) ? List.of() : correlated));
		}
		journal.put(step, choice(recorded, outcome, asked.size()));
		if (outcome.winner() >= 0) {
			cancelLosers(ids, ended, cancel);
		}
		return outcome;
	}

	private Step recorded(int step, StepCalls asked) {
		Step recorded = this.steps.journal().find(step);
		if (recorded == null) {
			throw this.divergences.at(step, "this run asks for " + asked.describe());
		}
		this.divergences.check(step, recorded, asked);
		return recorded;
	}

	/**
	 * The results of the calls that ended, by index: those the journal recorded and, with results in
	 * the store, those the store holds by the given ids.
	 */
	private Map<Integer, CallResult> ended(Step recorded, List<String> ids) {
		Map<Integer, CallResult> ended = new HashMap<>(recorded.getResultsMap());
		if (ids.isEmpty()) {
			return ended;
		}
		Map<String, CallResult> stored = this.steps.store().results(ids);
		for (int i = 0; i < ids.size(); i++) {
			CallResult result = stored.get(ids.get(i));
			if (result != null) {
				ended.put(i, result);
			}
		}
		return ended;
	}

	/**
	 * The record of the choice: the winner, with its result unless the store keeps it, or every
	 * failure when all calls failed.
	 */
	private Step choice(Step recorded, FirstOutcome outcome, int size) {
		Step.Builder chosen = recorded.toBuilder().clearArrived().clearResults().setWinner(outcome.winner() + 1);
		if (outcome.winner() < 0) {
			for (int i = 0; i < size; i++) {
				chosen.putResults(i, outcome.results().get(i));
			}
		}
		else if (!this.steps.journal().resultsInStore()) {
			chosen.putResults(outcome.winner(), outcome.results().get(0));
		}
		return chosen.build();
	}

	private static void cancelLosers(List<String> ids, Map<Integer, CallResult> ended,
			Consumer<List<String>> cancel) {
		List<String> losers = FirstOutcome.losers(ids, ended);
		if (!losers.isEmpty()) {
			cancel.accept(losers);
		}
	}

	/**
	 * What an any or a race that ended in an earlier run chose, its result read back from the
	 * journal or the store.
	 */
	private FirstOutcome chosen(int step, Step recorded, StepCalls asked) {
		int winner = recorded.getWinner() - 1;
		if (winner < 0) {
			return new FirstOutcome(-1, CallSteps.recordedResults(recorded, asked.size()));
		}
		CallResult result = recorded.getResultsMap().get(winner);
		if (result == null) {
			String id = this.steps.ids(step, asked).get(winner);
			result = this.steps.store().results(List.of(id)).get(id);
			if (result == null) {
				throw this.divergences.inCalls(step, asked, winner);
			}
		}
		return new FirstOutcome(winner, List.of(result));
	}

}
