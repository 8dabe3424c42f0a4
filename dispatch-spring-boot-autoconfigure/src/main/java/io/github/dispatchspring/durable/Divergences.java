package io.github.dispatchspring.durable;

import java.util.Collection;
import java.util.List;

import io.github.dispatchspring.proto.Step;

/**
 * The errors of a run that asks for other steps than an earlier run of its call did: each says what
 * the earlier run asked for at the step, what this run asks for instead, and how to keep a function
 * replayable.
 */
final class Divergences {

	private final String function;

	private final CallSteps steps;

	Divergences(String function, CallSteps steps) {
		this.function = function;
		this.steps = steps;
	}

	/**
	 * Checks that a step asks for what the journal recorded for it.
	 * @param step the sequence number
	 * @param recorded the recorded step
	 * @param asked what this run asks for
	 * @throws ReplayDivergence if it asks for another kind, number, functions or inputs of calls
	 */
	void check(int step, Step recorded, StepCalls asked) {
		if (!asked.sameShapeAs(recorded)) {
			throw diverged(step, StepCalls.describe(recorded), "this run asks for " + asked.describe());
		}
		if (asked.otherInputsThan(recorded)) {
			throw diverged(step, StepCalls.describe(recorded), "this run asks for one with other inputs");
		}
	}

	/**
	 * The divergence of a step that asks for something else than the earlier run asked for there.
	 * @param step the sequence number
	 * @param differs what this run does instead
	 * @return the divergence
	 */
	ReplayDivergence at(int step, String differs) {
		return diverged(step, recorded(step), differs);
	}

	/**
	 * The divergence of a step whose call at the given index the earlier run did not make.
	 * @param step the sequence number
	 * @param asked what this run asks for
	 * @param index the index of the call the store does not hold
	 * @return the divergence
	 */
	ReplayDivergence inCalls(int step, StepCalls asked, int index) {
		String recorded = recorded(step);
		String what = (asked.kind() == Step.Kind.KIND_GATHER) ? "another input" : "another function or input";
		String differs = recorded.equals(asked.describe())
				? "this run asks for one with " + what + " in calls[" + index + "]"
				: "this run asks for " + asked.describe();
		return diverged(step, recorded, differs);
	}

	/**
	 * The divergence of a step of which the store does not hold every call.
	 * @param step the sequence number
	 * @param asked what this run asks for
	 * @param ids the dispatch ids of its calls
	 * @param known those of them the store holds
	 * @return the divergence, naming the first call missing
	 */
	ReplayDivergence missing(int step, StepCalls asked, List<String> ids, Collection<String> known) {
		for (int i = 0; i < ids.size(); i++) {
			if (!known.contains(ids.get(i))) {
				return inCalls(step, asked, i);
			}
		}
		return inCalls(step, asked, -1);
	}

	/**
	 * What an earlier run asked for at a step, from the journal or, with results in the store, from
	 * the calls it made there.
	 */
	private String recorded(int step) {
		Step recorded = this.steps.journal().find(step);
		if (recorded != null) {
			return StepCalls.describe(recorded);
		}
		return new EarlierSteps(this.steps.journal(), this.steps.children()).describe(step);
	}

	private ReplayDivergence diverged(int step, String recorded, String differs) {
		return new ReplayDivergence("Function '" + this.function + "' does not replay as it ran before: step " + step
				+ " was " + recorded + ", " + differs + ". The code of a function must ask for the same gathers and "
				+ "batches in the same order on every run of a call: keep it deterministic between gathers, and let "
				+ "calls suspended under older code end before changing it");
	}

}
