package io.github.dispatchspring.bench.common;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The workload sizes and the retry policy shared by every peer.
 *
 * <p>The sizes default to the benchmark's and can be overridden for quick local runs with {@code
 * -Dbench.warmUp}, {@code -Dbench.w1.sizes=1000,10000}, {@code -Dbench.w2.n}, {@code
 * -Dbench.w3.parents} and {@code -Dbench.timeoutSeconds} (per workload). {@code -Dbench.run} says
 * which repetition of the benchmark this is (1 by default), for the report.
 */
public record WorkloadParameters(
		int run,
		int warmUpFanOut,
		List<Integer> fanOutSizes,
		int retryFanOut,
		int failingCallModulus,
		Duration retryInitialInterval,
		double retryMultiplier,
		int retryMaxAttempts,
		int chainLength,
		int chainParents,
		int chainClientThreads,
		Duration workloadTimeout) {

	public static final int INPUT_LENGTH = 100;

	private static final int FAILING_CALL_MODULUS = 10;
	private static final Duration RETRY_INITIAL_INTERVAL = Duration.ofMillis(10);
	private static final double RETRY_MULTIPLIER = 2.0;
	private static final int RETRY_MAX_ATTEMPTS = 10;
	private static final int CHAIN_LENGTH = 3;
	private static final int CHAIN_CLIENT_THREADS = 8;

	public static WorkloadParameters fromSystemProperties() {
		return new WorkloadParameters(
				Integer.getInteger("bench.run", 1),
				Integer.getInteger("bench.warmUp", 1_000),
				sizes(System.getProperty("bench.w1.sizes", "1000,10000")),
				Integer.getInteger("bench.w2.n", 1_000),
				FAILING_CALL_MODULUS,
				RETRY_INITIAL_INTERVAL,
				RETRY_MULTIPLIER,
				RETRY_MAX_ATTEMPTS,
				CHAIN_LENGTH,
				Integer.getInteger("bench.w3.parents", 1_000),
				CHAIN_CLIENT_THREADS,
				Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 120)));
	}

	/** Calls with this index fail on their first attempt in W2. */
	public boolean failsOnce(int index) {
		return index % failingCallModulus == 0;
	}

	/** W2's handler invocations: one per call, plus one retry per call that fails once. */
	public long expectedRetryInvocations() {
		return retryFanOut + (retryFanOut + failingCallModulus - 1) / failingCallModulus;
	}

	private static List<Integer> sizes(String csv) {
		return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}
}
