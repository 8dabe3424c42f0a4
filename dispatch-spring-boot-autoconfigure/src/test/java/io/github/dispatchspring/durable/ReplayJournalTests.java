package io.github.dispatchspring.durable;

import java.util.List;
import java.util.stream.IntStream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.PollResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplayJournal} and the gathers of {@link DurableExecution} it replays.
 */
class ReplayJournalTests {

	@Test
	void suspendsAFirstGatherWithItsCallsCorrelatedBySlot() {
		ReplayJournal journal = ReplayJournal.start(input());
		Poll poll = suspend(journal, calls(3));

		assertThat(poll.getCallsList()).extracting(Call::getCorrelationId)
			.containsExactly(journal.correlationId(1, 0), journal.correlationId(1, 1), journal.correlationId(1, 2));
		assertThat(poll.getMinResults()).isEqualTo(3);
	}

	@Test
	void returnsResultsInCallOrderWhateverOrderTheyArrivedIn() {
		Poll poll = suspend(ReplayJournal.start(input()), calls(3));
		ReplayJournal resumed = ReplayJournal.resume(PollResult.newBuilder()
			.setTypedCoroutineState(poll.getTypedCoroutineState())
			.addResults(result(poll.getCalls(2), "c"))
			.addResults(result(poll.getCalls(0), "a"))
			.addResults(result(poll.getCalls(1), "b"))
			.build());

		List<CallResult> results = execution(resumed).gather(calls(3));

		assertThat(results).extracting((result) -> result.getOutput().unpack(StringValue.class).getValue())
			.containsExactly("a", "b", "c");
	}

	@Test
	void waitsWhileResultsAreMissingAndIgnoresUnknownCorrelationIds() {
		ReplayJournal journal = ReplayJournal.start(input());
		Poll poll = suspend(journal, calls(2));
		ReplayJournal resumed = ReplayJournal.resume(PollResult.newBuilder()
			.setTypedCoroutineState(poll.getTypedCoroutineState())
			.addResults(result(poll.getCalls(0), "a"))
			.addResults(CallResult.newBuilder().setCorrelationId(journal.correlationId(9, 0)))
			.build());

		assertThat(resumed.waiting()).isTrue();
		assertThat(resumed.poll(List.of()).getMinResults()).isEqualTo(1);
	}

	@Test
	void ignoresLateResultsOfCallsMadeByAnEarlierRun() {
		Poll earlier = suspend(ReplayJournal.start(input()), calls(2));
		Poll current = suspend(ReplayJournal.start(input()), calls(2));
		ReplayJournal resumed = ReplayJournal.resume(PollResult.newBuilder()
			.setTypedCoroutineState(current.getTypedCoroutineState())
			.addResults(result(earlier.getCalls(0), "stale"))
			.addResults(result(earlier.getCalls(1), "stale"))
			.build());

		assertThat(resumed.waiting()).isTrue();
		assertThat(resumed.poll(List.of()).getMinResults()).isEqualTo(2);
	}

	@Test
	void refusesAStateThatIsNotAJournal() {
		PollResult pollResult = PollResult.newBuilder().setTypedCoroutineState(Any.pack(StringValue.of("x"))).build();

		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(pollResult))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE));
	}

	@Test
	void refusesAJournalSuspendedOnAStepItDoesNotHold() {
		PollResult pollResult = PollResult.newBuilder()
			.setTypedCoroutineState(Any.pack(Journal.newBuilder().setSuspendedAt(4).build()))
			.build();

		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(pollResult))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE))
			.withMessageContaining("step 4");
	}

	private static Poll suspend(ReplayJournal journal, List<Call> calls) {
		try {
			execution(journal).gather(calls);
		}
		catch (Suspension suspension) {
			return suspension.poll();
		}
		throw new AssertionError("The gather did not suspend");
	}

	private static DurableExecution execution(ReplayJournal journal) {
		return new DurableExecution("parent", "parent", journal);
	}

	private static List<Call> calls(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> Call.newBuilder().setFunction("child").setInput(Any.pack(StringValue.of("in" + i))).build())
			.toList();
	}

	private static CallResult result(Call call, String output) {
		return CallResult.newBuilder()
			.setCorrelationId(call.getCorrelationId())
			.setOutput(Any.pack(StringValue.of(output)))
			.build();
	}

	private static Any input() {
		return Any.pack(StringValue.of("input"));
	}

}
