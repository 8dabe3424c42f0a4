package io.github.dispatchspring.durable;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.Step;

/**
 * The batches of a run: calls submitted once, whose ids a replay finds again in the journal or, with
 * results in the store, derives from the calls the store holds.
 */
final class Batches {

	private final CallSteps steps;

	private final Divergences divergences;

	Batches(CallSteps steps, Divergences divergences) {
		this.steps = steps;
		this.divergences = divergences;
	}

	/**
	 * Submits the given calls on the first run of the step: on replay, the ids of the calls the first
	 * run submitted.
	 * @param calls the calls, without correlation ids
	 * @param submit how to submit them, with their correlation ids
	 * @return the dispatch ids in call order
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	List<String> submit(List<Call> calls, Function<List<Call>, List<String>> submit) {
		int step = this.steps.next();
		StepCalls asked = StepCalls.batch(calls);
		if (!this.steps.replayed(step)) {
			List<Call> correlated = this.steps.correlated(step, asked);
			List<String> ids = submit.apply(correlated);
			if (!this.steps.inStore() || !ids.equals(this.steps.ids(correlated))) {
				this.steps.journal()
					.put(step, asked.record().setFingerprint(asked.fingerprint()).addAllDispatchIds(ids).build());
			}
			return ids;
		}
		Step recorded = this.steps.journal().find(step);
		if (recorded != null) {
			this.divergences.check(step, recorded, asked);
			return recorded.getDispatchIdsList();
		}
		List<String> ids = this.steps.ids(step, asked);
		Set<String> existing = this.steps.store().existing(ids);
		if (existing.size() < ids.size()) {
			throw this.divergences.missing(step, asked, ids, existing);
		}
		return ids;
	}

}
