package io.github.dispatchspring.durable;

import java.util.Map;

import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FirstOutcome}: which call an any or a race chooses among those that ended.
 */
class FirstOutcomeTests {

	private static final CallResult SUCCEEDED = CallResult.newBuilder().setDispatchId("succeeded").build();

	private static final CallResult FAILED = failure("failed", "java.lang.IllegalStateException");

	private static final CallResult CANCELLED = failure("cancelled", Cancellation.ERROR_TYPE);

	@Test
	void aRaceChoosesTheLowestIndexThatEndedFailuresIncluded() {
		FirstOutcome outcome = FirstOutcome.choose(Map.of(1, FAILED, 2, SUCCEEDED), 3, true);

		assertThat(outcome.winner()).isEqualTo(1);
		assertThat(outcome.results()).containsExactly(FAILED);
	}

	@Test
	void aRaceChosenAgainPassesOverTheCallsItCancelled() {
		FirstOutcome outcome = FirstOutcome.choose(Map.of(0, CANCELLED, 2, SUCCEEDED), 3, true);

		assertThat(outcome.winner()).isEqualTo(2);
	}

	@Test
	void aRaceWhoseOnlyEndedCallWasCancelledChoosesIt() {
		FirstOutcome outcome = FirstOutcome.choose(Map.of(1, CANCELLED), 3, true);

		assertThat(outcome.winner()).isEqualTo(1);
		assertThat(outcome.results()).containsExactly(CANCELLED);
	}

	@Test
	void anAnyChoosesTheLowestIndexThatSucceeded() {
		FirstOutcome outcome = FirstOutcome.choose(Map.of(0, CANCELLED, 1, FAILED, 2, SUCCEEDED), 3, false);

		assertThat(outcome.winner()).isEqualTo(2);
	}

	@Test
	void anAnyWaitsUntilEveryCallFailed() {
		assertThat(FirstOutcome.choose(Map.of(0, CANCELLED, 1, FAILED), 3, false)).isNull();
		FirstOutcome outcome = FirstOutcome.choose(Map.of(0, CANCELLED, 1, FAILED, 2, FAILED), 3, false);
		assertThat(outcome.winner()).isEqualTo(-1);
		assertThat(outcome.results()).containsExactly(CANCELLED, FAILED, FAILED);
	}

	private static CallResult failure(String id, String type) {
		return CallResult.newBuilder().setDispatchId(id).setError(Error.newBuilder().setType(type)).build();
	}

}
