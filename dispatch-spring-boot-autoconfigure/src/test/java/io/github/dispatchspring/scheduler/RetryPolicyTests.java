package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryPolicy}: which failures are tried again, and after how long.
 */
class RetryPolicyTests {

	@Test
	void retriesRetryableStatusesUntilTheLastAttempt() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 3);
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, 1)).isTrue();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, 2)).isTrue();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, 3)).isFalse();
		assertThat(policy.retries(DispatchStatus.PERMANENT_ERROR, 1)).isFalse();
	}

	@Test
	void retriesWithoutLimitWhenMaxAttemptsIsZero() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 0);
		assertThat(policy.retries(DispatchStatus.THROTTLED, 1_000_000)).isTrue();
	}

	@Test
	void neverRetriesTheListedStatuses() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20, 0.5,
				Set.of(DispatchStatus.THROTTLED), List.of());
		assertThat(policy.retries(DispatchStatus.THROTTLED, 1)).isFalse();
		assertThat(policy.retries(DispatchStatus.TIMEOUT, 1)).isTrue();
	}

	@Test
	void neverRetriesTheListedErrorTypesAndTheSubclassesOfThoseKnownHere() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20, 0.5, Set.of(),
				List.of(IOException.class.getName(), "ValueError"));
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, IOException.class.getName(), 1)).isFalse();
		assertThat(policy.retries(DispatchStatus.TCP_ERROR, ConnectException.class.getName(), 1)).isFalse();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, "ValueError", 1)).isFalse();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, "TypeError", 1)).isTrue();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, IllegalStateException.class.getName(), 1)).isTrue();
		assertThat(policy.retries(DispatchStatus.TEMPORARY_ERROR, null, 1)).isTrue();
	}

	@Test
	void growsTheDelayByTheMultiplierUpToTheMaxIntervalWithoutJitter() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 3, Duration.ofSeconds(1), 20, 0, Set.of(),
				List.of());
		assertThat(List.of(policy.delayAfter(1), policy.delayAfter(2), policy.delayAfter(3), policy.delayAfter(4)))
			.containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofSeconds(1));
	}

	@Test
	void spreadsTheDelayByTheJitter() {
		RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(10), 20, 0.5, Set.of(),
				List.of());
		for (int i = 0; i < 200; i++) {
			assertThat(policy.delayAfter(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
		}
		assertThat(IntStream.range(0, 200).mapToObj((i) -> policy.delayAfter(1)).distinct().count())
			.isGreaterThan(1);
	}

}
