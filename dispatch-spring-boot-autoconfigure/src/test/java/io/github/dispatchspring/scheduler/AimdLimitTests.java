package io.github.dispatchspring.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AimdLimit}: additive increase by one per window of successes, multiplicative
 * decrease by half once per window, within the bounds.
 */
class AimdLimitTests {

	@Test
	void growsByOneAfterAWindowOfAsManySuccessesAsTheLimit() {
		AimdLimit limit = new AimdLimit(4, 1, 10);

		for (int success = 1; success < 4; success++) {
			assertThat(limit.succeeded(true)).isFalse();
		}
		assertThat(limit.succeeded(true)).isTrue();
		assertThat(limit.limit()).isEqualTo(5);
		for (int success = 1; success < 5; success++) {
			limit.succeeded(true);
		}
		assertThat(limit.limit()).isEqualTo(5);
		limit.succeeded(true);
		assertThat(limit.limit()).isEqualTo(6);
	}

	@Test
	void doesNotGrowOnSuccessesOfCallsThatStartedWithTheLimitNotFullyUsed() {
		AimdLimit limit = new AimdLimit(2, 1, 10);

		for (int success = 0; success < 100; success++) {
			limit.succeeded(false);
		}

		assertThat(limit.limit()).isEqualTo(2);
	}

	@Test
	void halvesOnAThrottle() {
		AimdLimit limit = new AimdLimit(9, 1, 10);

		assertThat(limit.throttled(limit.window())).isTrue();

		assertThat(limit.limit()).isEqualTo(4);
	}

	@Test
	void halvesOnceForTheThrottlesOfCallsStartedBeforeTheLastDecrease() {
		AimdLimit limit = new AimdLimit(8, 1, 10);
		long window = limit.window();

		limit.throttled(window);
		assertThat(limit.throttled(window)).isFalse();
		assertThat(limit.throttled(window)).isFalse();
		assertThat(limit.limit()).isEqualTo(4);

		assertThat(limit.throttled(limit.window())).isTrue();
		assertThat(limit.limit()).isEqualTo(2);
	}

	@Test
	void startsAWindowOfSuccessesAfreshAfterADecrease() {
		AimdLimit limit = new AimdLimit(4, 1, 10);
		limit.succeeded(true);
		limit.succeeded(true);
		limit.succeeded(true);

		limit.throttled(limit.window());
		limit.succeeded(true);

		assertThat(limit.limit()).isEqualTo(2);
		limit.succeeded(true);
		assertThat(limit.limit()).isEqualTo(3);
	}

	@Test
	void staysWithinItsBounds() {
		AimdLimit limit = new AimdLimit(3, 2, 4);

		for (int success = 0; success < 100; success++) {
			limit.succeeded(true);
		}
		assertThat(limit.limit()).isEqualTo(4);
		for (int throttle = 0; throttle < 10; throttle++) {
			limit.throttled(limit.window());
		}
		assertThat(limit.limit()).isEqualTo(2);
	}

	@Test
	void refusesBoundsThatHoldNoLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AimdLimit(1, 0, 4)).withMessageContaining("min 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new AimdLimit(5, 1, 4)).withMessageContaining("initial 5");
		assertThatIllegalArgumentException().isThrownBy(() -> new AimdLimit(3, 3, 2)).withMessageContaining("max 2");
	}

}
