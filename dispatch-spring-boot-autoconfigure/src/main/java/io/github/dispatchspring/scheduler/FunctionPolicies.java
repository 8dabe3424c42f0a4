package io.github.dispatchspring.scheduler;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

/**
 * The policies of the functions the scheduler runs calls of: those set for a function by name, and
 * one for every other function.
 */
public final class FunctionPolicies {

	private final Supplier<Map<String, FunctionPolicy>> byFunction;

	private final FunctionPolicy otherwise;

	/**
	 * Creates the policies.
	 * @param byFunction the policies set by function name
	 * @param otherwise the policy of every other function
	 */
	public FunctionPolicies(Map<String, FunctionPolicy> byFunction, FunctionPolicy otherwise) {
		Map<String, FunctionPolicy> copy = Map.copyOf(byFunction);
		this.byFunction = () -> copy;
		this.otherwise = otherwise;
	}

	/**
	 * Creates the policies, resolving those set by function name once, when first asked for: the
	 * functions of an application are known only once all its beans exist.
	 * @param byFunction resolves the policies set by function name
	 * @param otherwise the policy of every other function
	 */
	public FunctionPolicies(Supplier<Map<String, FunctionPolicy>> byFunction, FunctionPolicy otherwise) {
		this.byFunction = SingletonSupplier.of(() -> Map.copyOf(byFunction.get()));
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
		return this.byFunction.get().getOrDefault(function, this.otherwise);
	}

	/**
	 * The policies set by function name.
	 * @return the policies by name
	 */
	public Map<String, FunctionPolicy> byFunction() {
		return this.byFunction.get();
	}

	/**
	 * The policy of the functions that have none of their own.
	 * @return the policy
	 */
	public FunctionPolicy otherwise() {
		return this.otherwise;
	}

}
