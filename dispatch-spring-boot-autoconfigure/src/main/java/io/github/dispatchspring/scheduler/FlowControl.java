package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The order in which a store leases the due calls of functions, drawn from their
 * {@link FunctionPolicies}: the steps of a claim, highest priority first, and in each priority the
 * functions with a concurrency or rate limit one at a time, each up to what its limits allow, before
 * the other functions of that priority. When no function has a limit or a priority of its own there
 * are no steps, and a claim leases due calls in the order they became due, as if no policy were set.
 */
public final class FlowControl {

	private static final FlowControl NONE = new FlowControl(List::of);

	private final Supplier<List<Step>> steps;

	private FlowControl(Supplier<List<Step>> steps) {
		this.steps = SingletonSupplier.of(() -> List.copyOf(steps.get()));
	}

	/**
	 * No limits and no priorities: due calls are leased in the order they became due.
	 * @return the flow control
	 */
	public static FlowControl none() {
		return NONE;
	}

	/**
	 * The flow control of the function policies an application has, or none where it runs without
	 * them.
	 * @param policies the policies, if the application has them
	 * @return the flow control
	 */
	public static FlowControl ofAvailable(ObjectProvider<FunctionPolicies> policies) {
		FunctionPolicies available = policies.getIfAvailable();
		return (available != null) ? of(available) : none();
	}

	/**
	 * The steps of a claim for the given policies, drawn up when a claim first asks for them: the
	 * policies of an application's functions are known only once all its beans exist, after its store.
	 * @param policies the policies of the functions
	 * @return the flow control
	 * @throws IllegalArgumentException if the policy of the functions without one of their own has
	 * a limit, which is set per function
	 */
	public static FlowControl of(FunctionPolicies policies) {
		if (policies.otherwise().limited()) {
			throw new IllegalArgumentException("Concurrency and rate limits are set per function "
					+ "(dispatch.functions.<name>.concurrency, dispatch.functions.<name>.rate-limit.limit), "
					+ "not for every function at once");
		}
		return new FlowControl(() -> steps(policies));
	}

	/**
	 * The steps of a claim for the given policies.
	 * @throws IllegalArgumentException if a function's limit is negative or allows no start
	 */
	private static List<Step> steps(FunctionPolicies policies) {
		FunctionPolicy otherwise = policies.otherwise();
		Map<Integer, Tier> tiers = new TreeMap<>(Collections.reverseOrder());
		tiers.put(otherwise.priority(), new Tier());
		Set<String> excluded = new TreeSet<>();
		policies.byFunction().forEach((function, policy) -> {
			checkLimits(function, policy);
			Tier tier = tiers.computeIfAbsent(policy.priority(), (priority) -> new Tier());
			if (policy.limited()) {
				tier.limited.add(new Limited(function, policy.concurrency(), policy.rateLimit()));
				excluded.add(function);
			}
			else if (policy.priority() != otherwise.priority()) {
				tier.unlimited.add(function);
				excluded.add(function);
			}
		});
		if (excluded.isEmpty()) {
			return List.of();
		}
		List<Step> steps = new ArrayList<>();
		tiers.forEach((priority, tier) -> {
			tier.limited.sort((one, other) -> one.function().compareTo(other.function()));
			steps.addAll(tier.limited);
			if (priority == otherwise.priority()) {
				steps.add(new Others(excluded));
			}
			else if (!tier.unlimited.isEmpty()) {
				steps.add(new Functions(tier.unlimited));
			}
		});
		return steps;
	}

	private static void checkLimits(String function, FunctionPolicy policy) {
		if (policy.concurrency() < 0) {
			throw new IllegalArgumentException("The concurrency of function '" + function + "' is "
					+ policy.concurrency() + ": set dispatch.functions." + function
					+ ".concurrency to at least 1, or leave it out for no limit");
		}
		FunctionPolicy.RateLimit rateLimit = policy.rateLimit();
		if (rateLimit != null && (rateLimit.starts() < 1 || rateLimit.period().compareTo(Duration.ofMillis(1)) < 0)) {
			throw new IllegalArgumentException("The rate limit of function '" + function + "' is " + rateLimit.starts()
					+ " starts in " + rateLimit.period() + ": set dispatch.functions." + function
					+ ".rate-limit.limit to at least 1 and its period to at least 1ms");
		}
	}

	/**
	 * Whether claims go by {@link #steps()} rather than by due time alone.
	 * @return {@code true} if some function has a limit or a priority of its own
	 */
	public boolean active() {
		return !this.steps.get().isEmpty();
	}

	/**
	 * The steps of a claim, in order; each leases due calls in the order they became due, up to what
	 * is left of the claim's limit.
	 * @return the steps, empty when {@link #active() not active}
	 */
	public List<Step> steps() {
		return this.steps.get();
	}

	/** A step of a claim: the functions whose due calls it leases. */
	public sealed interface Step permits Limited, Functions, Others {

		/**
		 * Whether this step leases calls of a function.
		 * @param function the function's name
		 * @return {@code true} if it does
		 */
		boolean includes(String function);

	}

	/**
	 * The calls of one function with a limit, leased within what the limit allows.
	 *
	 * @param function the function's name
	 * @param concurrency the most calls running at once, 0 for no limit
	 * @param rateLimit the most starts in a period, or {@code null} for no limit
	 */
	public record Limited(String function, int concurrency, FunctionPolicy.@Nullable RateLimit rateLimit)
			implements Step {

		@Override
		public boolean includes(String function) {
			return this.function.equals(function);
		}

		/**
		 * How many calls of the function may start now.
		 * @param running how many run now: leased, with a lease that has not expired
		 * @param recentStarts how many started within the last period of the rate limit
		 * @return how many may start, at least 0
		 */
		public int allowance(long running, long recentStarts) {
			long allowed = Integer.MAX_VALUE;
			if (this.concurrency > 0) {
				allowed = Math.min(allowed, this.concurrency - running);
			}
			if (this.rateLimit != null) {
				allowed = Math.min(allowed, this.rateLimit.starts() - recentStarts);
			}
			return (int) Math.max(0, allowed);
		}

	}

	/**
	 * The calls of functions without limits that share a priority of their own.
	 *
	 * @param functions the functions' names
	 */
	public record Functions(Set<String> functions) implements Step {

		public Functions {
			functions = Set.copyOf(functions);
		}

		@Override
		public boolean includes(String function) {
			return this.functions.contains(function);
		}

	}

	/**
	 * The calls of every function without a limit or a priority of its own.
	 *
	 * @param excluded the functions with a limit or a priority of their own
	 */
	public record Others(Set<String> excluded) implements Step {

		public Others {
			excluded = Set.copyOf(excluded);
		}

		@Override
		public boolean includes(String function) {
			return !this.excluded.contains(function);
		}

	}

	/** The functions of one priority, while the steps are drawn up. */
	private static final class Tier {

		private final List<Limited> limited = new ArrayList<>();

		private final Set<String> unlimited = new TreeSet<>();

	}

}
