package io.github.dispatchspring.scheduler.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.dispatchspring.scheduler.FlowControl;

import org.springframework.util.function.SingletonSupplier;

/**
 * The steps of a claim in SQL: each step of the {@link FlowControl} as a condition on the names of
 * the functions whose due calls it leases, and for a function with limits, as many as they allow.
 * Without flow control a claim is one step with no condition, served by the index of due times alone.
 */
final class ClaimSteps {

	private final FlowControl flow;

	private final Supplier<List<Selection>> selections;

	private final FunctionLimits limits;

	ClaimSteps(FlowControl flow, FunctionLimits limits) {
		this.flow = flow;
		this.selections = SingletonSupplier.of(() -> flow.steps().stream().map(ClaimSteps::selection).toList());
		this.limits = limits;
	}

	/**
	 * Leases due calls step by step, in the current transaction.
	 * @param limit the most calls to lease
	 * @param now the time, in milliseconds since the epoch
	 * @param due leases due calls of a selection, in the order they became due
	 * @return the leased calls
	 */
	List<CallRows.Claimed> claim(int limit, long now, DueCalls due) {
		List<FlowControl.Step> steps = this.flow.steps();
		if (steps.isEmpty()) {
			return due.lease(Selection.ALL, limit);
		}
		List<Selection> selections = this.selections.get();
		List<CallRows.Claimed> claimed = new ArrayList<>();
		for (int i = 0; i < steps.size() && claimed.size() < limit; i++) {
			int remaining = limit - claimed.size();
			if (steps.get(i) instanceof FlowControl.Limited limited) {
				int allowed = Math.min(remaining, this.limits.allowance(limited, now));
				if (allowed > 0) {
					List<CallRows.Claimed> started = due.lease(selections.get(i), allowed);
					this.limits.started(limited, started.size(), now);
					claimed.addAll(started);
				}
			}
			else {
				claimed.addAll(due.lease(selections.get(i), remaining));
			}
		}
		return claimed;
	}

	private static Selection selection(FlowControl.Step step) {
		if (step instanceof FlowControl.Limited limited) {
			return new Selection(" AND function_name = ?", List.of(limited.function()));
		}
		if (step instanceof FlowControl.Functions functions) {
			List<String> names = List.copyOf(functions.functions());
			return new Selection(" AND function_name IN (" + CallRows.placeholders(names.size()) + ")", names);
		}
		List<String> excluded = List.copyOf(((FlowControl.Others) step).excluded());
		return new Selection(" AND function_name NOT IN (" + CallRows.placeholders(excluded.size()) + ")", excluded);
	}

	/** Leases due calls of a selection. */
	@FunctionalInterface
	interface DueCalls {

		List<CallRows.Claimed> lease(Selection selection, int limit);

	}

	/**
	 * The due calls a step leases: a condition to append to the claim's {@code WHERE} clause, and the
	 * names of functions that are its parameters.
	 */
	record Selection(String condition, List<String> functions) {

		static final Selection ALL = new Selection("", List.of());

		/**
		 * The parameters of a statement whose condition comes after the given ones and before one more.
		 * @param before the parameters before the condition
		 * @param after the parameter after it
		 * @return all parameters
		 */
		Object[] parameters(List<Object> before, Object after) {
			List<Object> parameters = new ArrayList<>(before);
			parameters.addAll(this.functions);
			parameters.add(after);
			return parameters.toArray();
		}

	}

}
