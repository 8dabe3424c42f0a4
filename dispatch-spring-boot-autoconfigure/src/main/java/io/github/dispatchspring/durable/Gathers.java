package io.github.dispatchspring.durable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Step;
import org.jspecify.annotations.Nullable;

/**
 * The gathers of a run: the results of all the calls of a step, from the journal or the store, or
 * a {@link Suspension} until they are all there or one failed.
 */
final class Gathers {

	private final CallSteps steps;

	private final Divergences divergences;

	Gathers(CallSteps steps, Divergences divergences) {
		this.steps = steps;
		this.divergences = divergences;
	}

	/**
	 * The results of the given calls in call order.
	 * @param calls the calls, without correlation ids
	 * @return the results
	 * @throws Suspension to suspend the function
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	List<CallResult> results(List<Call> calls) {
		int step = this.steps.next();
		StepCalls asked = StepCalls.gather(calls);
		if (!this.steps.replayed(step)) {
			return first(step, asked);
		}
		ReplayJournal journal = this.steps.journal();
		Step recorded = journal.find(step);
		if (recorded != null) {
			this.divergences.check(step, recorded, asked);
		}
		List<CallResult> results = (recorded != null && (recorded.hasError() || !journal.resultsInStore()))
				? CallSteps.recordedResults(recorded, asked.size()) : fromStore(step, asked);
		if (step == journal.suspendedAt()) {
			settle(step, recorded);
		}
		return results;
	}

	/**
	 * The first run of a gather: the results when the store already holds them all or a failure,
	 * otherwise a suspension that starts the calls still missing.
	 */
	private List<CallResult> first(int step, StepCalls asked) {
		List<Call> correlated = this.steps.correlated(step, asked);
		Step.Builder pending = asked.record().setFingerprint(asked.fingerprint());
		Arrivals arrivals = Arrivals.none(asked.size());
		List<Call> missing = correlated;
		if (this.steps.inStore()) {
			List<String> ids = this.steps.ids(correlated);
			Map<String, CallResult> ended = this.steps.store().results(ids);
			if (!ended.isEmpty()) {
				missing = new ArrayList<>(correlated.size() - ended.size());
				boolean failed = false;
				for (int i = 0; i < ids.size(); i++) {
					CallResult result = ended.get(ids.get(i));
					if (result == null) {
						missing.add(correlated.get(i));
						continue;
					}
					arrivals.add(i);
					if (result.hasError()) {
						pending.putResults(i, result);
						failed = true;
					}
				}
				if (failed || arrivals.complete()) {
					return inOrder(ids, ended);
				}
			}
		}
		ReplayJournal journal = this.steps.journal();
		journal.put(step, pending.setArrived(arrivals.bytes()).build());
		journal.suspendAt(step);
		throw new Suspension(journal.poll(missing));
	}

	/**
	 * The results of a gather that ended, read back from the store by the ids of its calls: all of
	 * them, or those there are when one failed. A call missing means that the earlier run made other
	 * calls at this step.
	 */
	private List<CallResult> fromStore(int step, StepCalls asked) {
		ChildCalls store = this.steps.store();
		List<String> ids = this.steps.ids(step, asked);
		Map<String, CallResult> ended = store.results(ids);
		if (ended.size() < ids.size()) {
			Collection<String> known = ended.values().stream().anyMatch(CallResult::hasError) ? store.existing(ids)
					: ended.keySet();
			if (known.size() < ids.size()) {
				throw this.divergences.missing(step, asked, ids, known);
			}
		}
		return inOrder(ids, ended);
	}

	/**
	 * Ends the journal's record of the gather the call was suspended at, now that it returned: with
	 * results in the store, only a refusal stays.
	 */
	private void settle(int step, @Nullable Step recorded) {
		if (recorded == null) {
			return;
		}
		ReplayJournal journal = this.steps.journal();
		if (journal.resultsInStore() && !recorded.hasError()) {
			journal.remove(step);
		}
		else {
			journal.put(step, recorded.toBuilder().clearArrived().build());
		}
	}

	private static List<CallResult> inOrder(List<String> ids, Map<String, CallResult> results) {
		List<CallResult> ordered = new ArrayList<>(ids.size());
		for (String id : ids) {
			ordered.add(results.getOrDefault(id, CallResult.getDefaultInstance()));
		}
		return ordered;
	}

}
