package io.github.dispatchspring;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DispatchOptions}: what a call may carry besides its function and input.
 */
class DispatchOptionsTests {

	@Test
	void takesAKeyOfUpTo256Characters() {
		String key = "k".repeat(DispatchOptions.MAX_IDEMPOTENCY_KEY_LENGTH);
		assertThat(DispatchOptions.idempotencyKey(key).idempotencyKey()).isEqualTo(key);
		assertThat(DispatchOptions.idempotencyKey("k").idempotencyKey()).isEqualTo("k");
	}

	@Test
	void refusesAnEmptyKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> DispatchOptions.idempotencyKey(""))
			.withMessage("An idempotency key has 1 to 256 characters, not 0");
	}

	@Test
	void refusesAKeyLongerThan256Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> DispatchOptions.idempotencyKey("k".repeat(257)))
			.withMessage("An idempotency key has 1 to 256 characters, not 257");
	}

	@Test
	void acceptsOptionsWithoutAKey() {
		assertThat(new DispatchOptions(null, null).idempotencyKey()).isNull();
	}

	@Test
	void carriesAnIdempotencyKeyAndAnExpirationTogether() {
		DispatchOptions options = DispatchOptions.idempotencyKey("order-7").withExpiration(Duration.ofMinutes(5));
		assertThat(options.idempotencyKey()).isEqualTo("order-7");
		assertThat(options.expiration()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void rejectsAnExpirationThatIsNotLongerThanZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> DispatchOptions.expiringAfter(Duration.ZERO))
			.withMessage("An expiration must be longer than 0, not PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> DispatchOptions.expiringAfter(Duration.ofSeconds(-1)));
	}

}
