package io.github.dispatchspring.bench.common;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The workload sizes and the retry policy shared by every peer.
 *
 * <p>The defaults are the benchmark's; system properties override them for quick local runs
 * (for example {@code -Dbench.w1.sizes=1000}).
 */
public record WorkloadParameters(
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

  public static WorkloadParameters fromSystemProperties() {
    return new WorkloadParameters(
        Integer.getInteger("bench.warmUp", 100),
        sizes(System.getProperty("bench.w1.sizes", "1000,10000")),
        Integer.getInteger("bench.w2.n", 1_000),
        10,
        Duration.ofMillis(10),
        2.0,
        10,
        3,
        Integer.getInteger("bench.w3.parents", 1_000),
        8,
        Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 180)));
  }

  /** Calls with this index fail on their first attempt in W2. */
  public boolean failsOnce(int index) {
    return index % failingCallModulus == 0;
  }

  public long expectedRetryInvocations() {
    return retryFanOut + (retryFanOut + failingCallModulus - 1) / failingCallModulus;
  }

  private static List<Integer> sizes(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
