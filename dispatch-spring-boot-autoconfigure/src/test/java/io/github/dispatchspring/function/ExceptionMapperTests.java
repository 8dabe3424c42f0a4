package io.github.dispatchspring.function;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the application's {@link DispatchExceptionMapper}s in {@link ErrorStatus}: asked in
 * their order before the built-in mapping, for the exception and then each cause.
 */
class ExceptionMapperTests {

	private final DispatchExceptionMapper declined = (exception) -> (exception instanceof CardDeclinedException)
			? Optional.of(DispatchStatus.PERMANENT_ERROR) : Optional.empty();

	private final DispatchExceptionMapper everything = (exception) -> Optional.of(DispatchStatus.THROTTLED);

	@Test
	void asksTheMappersBeforeTheBuiltInMapping() {
		assertThat(ErrorStatus.of(new CardDeclinedException(), List.of(this.declined)))
			.isEqualTo(DispatchStatus.PERMANENT_ERROR);
	}

	@Test
	void takesTheStatusOfTheFirstMapperThatGivesOne() {
		assertThat(ErrorStatus.of(new CardDeclinedException(), List.of(this.declined, this.everything)))
			.isEqualTo(DispatchStatus.PERMANENT_ERROR);
		assertThat(ErrorStatus.of(new CardDeclinedException(), List.of(this.everything, this.declined)))
			.isEqualTo(DispatchStatus.THROTTLED);
	}

	@Test
	void asksTheMappersForTheCauses() {
		assertThat(ErrorStatus.of(new IllegalStateException("charging failed", new CardDeclinedException()),
				List.of(this.declined)))
			.isEqualTo(DispatchStatus.PERMANENT_ERROR);
	}

	@Test
	void leavesTheExceptionsNoMapperKnowsToTheBuiltInMapping() {
		assertThat(ErrorStatus.of(new IOException("reset"), List.of(this.declined)))
			.isEqualTo(DispatchStatus.TEMPORARY_ERROR);
	}

	/** A payment the card's bank declined: retrying does not help, though it is an I/O failure. */
	static class CardDeclinedException extends IOException {

	}

}
