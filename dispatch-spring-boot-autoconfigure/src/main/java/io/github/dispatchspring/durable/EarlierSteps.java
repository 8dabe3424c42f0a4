package io.github.dispatchspring.durable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.Step;

/**
 * What earlier runs of a call asked for at its steps, told from the calls they made: the calls of a
 * step share the tag in the high bits of their correlation ids, which stands for the step's
 * sequence number, kind and size. Used only to explain a divergence.
 */
final class EarlierSteps {

	private static final Step.Kind[] KINDS = { Step.Kind.KIND_GATHER, Step.Kind.KIND_BATCH };

	private final ReplayJournal journal;

	private final Map<Integer, List<Call>> callsByTag = new HashMap<>();

	EarlierSteps(ReplayJournal journal, List<Call> children) {
		this.journal = journal;
		for (Call child : children) {
			this.callsByTag.computeIfAbsent((int) (child.getCorrelationId() >>> 32), (tag) -> new ArrayList<>()).add(child);
		}
	}

	/**
	 * Describes what the calls made at a step asked for, as {@link StepCalls#describe} does.
	 * @param step the sequence number
	 * @return the description
	 */
	String describe(int step) {
		for (Map.Entry<Integer, List<Call>> tagged : this.callsByTag.entrySet()) {
			List<Call> calls = new ArrayList<>(tagged.getValue());
			calls.sort(Comparator.comparingLong((call) -> call.getCorrelationId() & 0xffffffffL));
			long size = (calls.get(calls.size() - 1).getCorrelationId() & 0xffffffffL) + 1;
			for (Step.Kind kind : KINDS) {
				if (size <= Integer.MAX_VALUE && this.journal.tag(step, kind, (int) size) == tagged.getKey()) {
					LinkedHashSet<String> functions = new LinkedHashSet<>();
					calls.forEach((call) -> functions.add(call.getFunction()));
					return StepCalls.describe(kind, size, List.copyOf(functions));
				}
			}
		}
		return "a step whose calls are no longer in the store";
	}

}
