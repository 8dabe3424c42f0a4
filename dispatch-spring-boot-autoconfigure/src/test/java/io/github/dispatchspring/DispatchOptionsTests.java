package io.github.dispatchspring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The checks of an idempotency key.
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
		assertThat(new DispatchOptions(null).idempotencyKey()).isNull();
	}

}
