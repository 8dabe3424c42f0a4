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
