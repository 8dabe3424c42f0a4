package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.List;

/**
 * Records transitions one at a time, for tests that drive a store directly.
 */
public final class Transitions {

	private Transitions() {
	}

	/**
	 * Records one transition, leasing nothing along with it.
	 * @param store the store
	 * @param transition the transition
	 * @return whether the call's lease was still held
	 */
	public static boolean record(CallStore store, Transition transition) {
		return store.record(List.of(transition), 0, Duration.ZERO).held().get(0);
	}

}
