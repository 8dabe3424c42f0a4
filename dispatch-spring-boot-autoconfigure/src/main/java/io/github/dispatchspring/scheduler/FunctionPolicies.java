package io.github.dispatchspring.scheduler;

import java.util.Map;

/**
 * The policies of the functions the scheduler runs calls of: those set for a function by name, and
 * one for every other function.
 */
public final class FunctionPolicies {

	private final Map<String, FunctionPolicy> byFunction;

	private final FunctionPolicy otherwise;

	/**
	 * Creates the policies.
	 * @param byFunction the policies set by function name
	 * @param otherwise the policy of every other function
	 */
	public FunctionPolicies(Map<String, FunctionPolicy> byFunction, FunctionPolicy otherwise) {
		this.byFunction = Map.copyOf(byFunction);
		this.otherwise = otherwise;
	}

	/**
	 * The same policy for every function.
	 * @param policy the policy
	 * @return the policies
	 */
	public static FunctionPolicies of(FunctionPolicy policy) {
		return new FunctionPolicies(Map.of(), policy);
	}

	/**
	 * The policy of a function.
	 * @param function the function's name
	 * @return its policy
	 */
	public FunctionPolicy of(String function) {
		return this.byFunction.getOrDefault(function, this.otherwise);
	}

	/**
	 * The policies set by function name.
	 * @return the policies by name
	 */
	public Map<String, FunctionPolicy> byFunction() {
		return this.byFunction;
	}

	/**
	 * The policy of the functions that have none of their own.
	 * @return the policy
	 */
	public FunctionPolicy otherwise() {
		return this.otherwise;
	}

}
