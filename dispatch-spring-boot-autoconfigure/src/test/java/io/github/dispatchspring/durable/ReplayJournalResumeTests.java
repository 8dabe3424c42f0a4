package io.github.dispatchspring.durable;

import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplayJournal#resume} with states a scheduler or a forged request could deliver:
 * sizes are checked against what the journal holds before anything is sized by them.
 */
class ReplayJournalResumeTests {

	private static final ByteString FINGERPRINT = ByteString.copyFrom(new byte[8]);

	@Test
	void resumesAJournalSuspendedAtAGatherItHolds() {
		ReplayJournal resumed = resume(journal(pending(10)));

		assertThat(resumed.waiting()).isTrue();
		assertThat(resumed.poll(List.of()).getMinResults()).isEqualTo(10);
	}

	@Test
	void refusesAGatherDeclaringMoreCallsThanItRecordsArrivalsFor() {
		Step forged = pending(8).toBuilder().setSize(1 << 27).build();

		assertInconsistent(journal(forged), "step 1 declares 134217728 calls but records arrivals for 8");
	}

	@Test
	void refusesArrivalsBeyondTheDeclaredCalls() {
		Step forged = pending(3).toBuilder().setArrived(ByteString.copyFrom(new byte[] { (byte) 0xff })).build();

		assertInconsistent(journal(forged), "step 1 declares 3 calls but records arrivals for 8");
	}

	@Test
	void refusesAResultBeyondTheDeclaredCalls() {
		Step forged = pending(2).toBuilder().putResults(5, CallResult.getDefaultInstance()).build();

		assertInconsistent(journal(forged), "step 1 declares 2 calls but holds the result of call 5");
	}

	@Test
	void refusesAJournalSuspendedAtAStepItDoesNotHold() {
		Journal forged = Journal.newBuilder()
			.setResults(Journal.Results.RESULTS_IN_JOURNAL)
			.setSuspendedAt(7)
			.build();

		assertInconsistent(forged, "suspended at step 7, which it does not hold");
	}

	@Test
	void refusesAJournalKeepingResultsThatMissesEarlierSteps() {
		Journal forged = journal(pending(1)).toBuilder().setSuspendedAt(3).putSteps(3, pending(1)).removeSteps(1).build();

		assertInconsistent(forged, "holds 1 steps of the 3 it went through");
	}

	@Test
	void refusesASettledGatherWithoutItsResults() {
		Journal forged = journal(pending(1)).toBuilder()
			.setSuspendedAt(2)
			.putSteps(1, Step.newBuilder()
				.setKind(Step.Kind.KIND_GATHER)
				.setSize(1 << 30)
				.addFunctions("child")
				.setFingerprint(FINGERPRINT)
				.build())
			.putSteps(2, pending(1))
			.build();

		assertInconsistent(forged, "step 1 declares 1073741824 calls but holds 0 results");
	}

	@Test
	void refusesABatchWithoutItsDispatchIds() {
		Step batch = Step.newBuilder()
			.setKind(Step.Kind.KIND_BATCH)
			.setSize(1 << 20)
			.addFunctions("notify")
			.setFingerprint(FINGERPRINT)
			.addDispatchIds("only-one")
			.build();
		Journal forged = journal(pending(1)).toBuilder().setSuspendedAt(2).putSteps(1, batch).putSteps(2, pending(1))
			.build();

		assertInconsistent(forged, "step 1 declares 1048576 calls but records 1 dispatch ids");
	}

	@Test
	void refusesAJournalThatDoesNotSayWhereResultsAreKept() {
		assertInconsistent(journal(pending(1)).toBuilder().clearResults().build(), "does not say where the results");
	}

	@Test
	void acceptsASettledGatherThatFailedWithoutAllItsResults() {
		Step failed = pending(3).toBuilder()
			.clearArrived()
			.putResults(1, CallResult.newBuilder().setError(Error.newBuilder().setType("Boom")).build())
			.build();
		Journal journal = journal(pending(1)).toBuilder().setSuspendedAt(2).putSteps(1, failed).putSteps(2, pending(1))
			.build();

		assertThat(resume(journal).waiting()).isTrue();
	}

	@Test
	void refusesAStateThatIsNotAJournal() {
		PollResult resumed = PollResult.newBuilder().setTypedCoroutineState(Any.pack(StringValue.of("state"))).build();

		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(resumed))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE));
	}

	private static void assertInconsistent(Journal journal, String problem) {
		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> resume(journal))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INVALID_ARGUMENT))
			.withMessageContaining(problem);
	}

	private static ReplayJournal resume(Journal journal) {
		return ReplayJournal.resume(PollResult.newBuilder().setTypedCoroutineState(Any.pack(journal)).build());
	}

	private static Journal journal(Step pending) {
		return Journal.newBuilder()
			.setResults(Journal.Results.RESULTS_IN_JOURNAL)
			.setSuspendedAt(1)
			.putSteps(1, pending)
			.build();
	}

	private static Step pending(int size) {
		return Step.newBuilder()
			.setKind(Step.Kind.KIND_GATHER)
			.setSize(size)
			.addFunctions("child")
			.setFingerprint(FINGERPRINT)
			.setArrived(ByteString.copyFrom(new byte[(size + 7) / 8]))
			.build();
	}

}
