package io.github.dispatchspring.durable;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplayJournal#resume} with states a scheduler or a forged request could deliver.
 */
class ReplayJournalResumeTests {

	@Test
	void refusesAJournalSuspendedAtAStepItDoesNotHold() {
		PollResult resumed = PollResult.newBuilder()
			.setTypedCoroutineState(Any.pack(Journal.newBuilder().setSuspendedAt(7).build()))
			.setError(Error.newBuilder().setType("Refused"))
			.build();
		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(resumed))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE))
			.withMessageContaining("suspended at step 7");
	}

	@Test
	void refusesAStateThatIsNotAJournal() {
		PollResult resumed = PollResult.newBuilder().setTypedCoroutineState(Any.pack(StringValue.of("state"))).build();
		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(resumed))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE));
	}

	@Test
	void resumesAJournalSuspendedAtAStepItHolds() {
		Journal journal = Journal.newBuilder().setSuspendedAt(1).putSteps(1, Step.newBuilder().setSize(2).build()).build();
		ReplayJournal resumed = ReplayJournal
			.resume(PollResult.newBuilder().setTypedCoroutineState(Any.pack(journal)).build());
		assertThat(resumed.waiting()).isTrue();
	}

}
