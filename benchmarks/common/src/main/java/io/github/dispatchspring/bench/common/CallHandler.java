package io.github.dispatchspring.bench.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child handler every peer calls: a no-op echo that counts its invocations and, while failures
 * are armed, fails the first attempt of every call whose index {@link WorkloadParameters#failsOnce
 * fails once}.
 */
public final class CallHandler {

	private static final AtomicLong INVOCATIONS = new AtomicLong();
	private static final Set<Integer> FAILED_ONCE = ConcurrentHashMap.newKeySet();
	private static volatile WorkloadParameters failingParameters;

	private CallHandler() {}

	public static String handle(String input) {
		INVOCATIONS.incrementAndGet();
		var parameters = failingParameters;
		if (parameters != null) {
			int index = CallInputs.indexOf(input);
			if (parameters.failsOnce(index) && FAILED_ONCE.add(index)) {
				throw new TemporaryCallFailure(index);
			}
		}
		return input;
	}

	/** Starts a run: zero the counter, forget past failures, and arm failures if asked. */
	public static void reset(WorkloadParameters failOnceWith) {
		failingParameters = null;
		FAILED_ONCE.clear();
		INVOCATIONS.set(0);
		failingParameters = failOnceWith;
	}

	public static long invocations() {
		return INVOCATIONS.get();
	}

	/** The temporary error of W2; every peer must retry it. */
	public static final class TemporaryCallFailure extends RuntimeException {
		TemporaryCallFailure(int index) {
			super("temporary failure of call #" + index + " (first attempt)");
		}
	}
}
