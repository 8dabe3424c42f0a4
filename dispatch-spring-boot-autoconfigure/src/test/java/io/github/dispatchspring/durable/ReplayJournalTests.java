package io.github.dispatchspring.durable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
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
 * Tests for {@link ReplayJournal} and the gathers and batches of {@link DurableExecution} it replays,
 * with the results in the journal, as under a scheduler that does not share the application's store.
 */
class ReplayJournalTests {

	@Test
	void suspendsAFirstGatherWithItsCallsCorrelatedBySlot() {
		Poll poll = suspend(start(), calls("child", 3));

		assertThat(poll.getCallsList()).extracting((call) -> call.getCorrelationId() & 0xffffffffL)
			.containsExactly(0L, 1L, 2L);
		assertThat(poll.getCallsList()).extracting((call) -> call.getCorrelationId() >>> 32).containsOnly(
				poll.getCalls(0).getCorrelationId() >>> 32);
		assertThat(poll.getMinResults()).isEqualTo(3);
		assertThat(poll.getMaxResults()).isEqualTo(1000);
	}

	@Test
	void returnsResultsInCallOrderWhateverOrderTheyArrivedIn() {
		Poll poll = suspend(start(), calls("child", 3));
		ReplayJournal resumed = resume(poll, result(poll.getCalls(2), "c"), result(poll.getCalls(0), "a"),
				result(poll.getCalls(1), "b"));

		List<CallResult> results = execution(resumed).gather(calls("child", 3));

		assertThat(results).extracting((result) -> result.getOutput().unpack(StringValue.class).getValue())
			.containsExactly("a", "b", "c");
	}

	@Test
	void waitsWhileResultsAreMissingAndIgnoresUnknownCorrelationIds() {
		Poll poll = suspend(start(), calls("child", 2));
		ReplayJournal resumed = resume(poll, result(poll.getCalls(0), "a"),
				CallResult.newBuilder().setCorrelationId(poll.getCalls(1).getCorrelationId() + (1L << 32)).build());

		assertThat(resumed.waiting()).isTrue();
		assertThat(resumed.poll(List.of()).getMinResults()).isEqualTo(1);
	}

	@Test
	void pollsForAtMostAThousandResultsAtATimeWhateverTheSizeOfTheGather() {
		Poll first = suspend(start(), calls("child", 5000));
		List<Poll> polls = new ArrayList<>(List.of(first));
		ReplayJournal resumed = null;
		for (int from = 0; from < 5000; from += 1000) {
			resumed = resume(polls.get(polls.size() - 1), results(first, from, from + 1000));
			if (resumed.waiting()) {
				polls.add(resumed.poll(List.of()));
			}
		}

		assertThat(polls).hasSize(5).allSatisfy((poll) -> {
			assertThat(poll.getMinResults()).isEqualTo(1000);
			assertThat(poll.getMaxResults()).isEqualTo(1000);
		});
		assertThat(resumed.waiting()).isFalse();
	}

	@Test
	void asksForTheLastResultsOfALargeGatherOnly() {
		Poll poll = suspend(start(), calls("child", 1500));

		Poll next = resume(poll, results(poll, 0, 1000)).poll(List.of());

		assertThat(next.getMinResults()).isEqualTo(500);
		assertThat(next.getMaxResults()).isEqualTo(1000);
	}

	@Test
	void makesTheSameCallsForTheSameFunctionAndInputSoThatARestartedRunFindsThem() {
		Poll first = suspend(ReplayJournal.start("parent", input("a")), calls("child", 2));
		Poll restarted = suspend(ReplayJournal.start("parent", input("a")), calls("child", 2));

		assertThat(restarted.getCallsList()).isEqualTo(first.getCallsList());
	}

	@Test
	void ignoresResultsOfCallsMadeBeforeATailCall() {
		Poll before = suspend(ReplayJournal.start("parent", input("a")), calls("child", 2));
		Poll after = suspend(ReplayJournal.start("next", input("b")), calls("child", 2));

		ReplayJournal resumed = resume(after, result(before.getCalls(0), "stale"), result(before.getCalls(1), "stale"));

		assertThat(resumed.waiting()).isTrue();
		assertThat(resumed.poll(List.of()).getMinResults()).isEqualTo(2);
	}

	@Test
	void replaysABatchWithTheIdsItWasSubmittedWith() {
		List<List<Call>> submitted = new ArrayList<>();
		DurableExecution first = execution(start());
		first.batch(calls("notify", 2), (calls) -> {
			submitted.add(calls);
			return List.of("id-0", "id-1");
		});
		Poll poll = suspend(first, calls("child", 1));

		List<String> replayed = execution(resume(poll, results(poll))).batch(calls("notify", 2), (calls) -> {
			throw new AssertionError("submitted again");
		});

		assertThat(replayed).containsExactly("id-0", "id-1");
		assertThat(submitted).singleElement().satisfies((calls) -> assertThat(calls).extracting(Call::getCorrelationId)
			.doesNotHaveDuplicates());
	}

	@Test
	void divergesWhenAReplayAsksForAnotherNumberOfCalls() {
		Poll poll = suspend(start(), calls("generateInvoice", 100));
		ReplayJournal resumed = resume(poll, results(poll));

		assertThatExceptionOfType(ReplayDivergence.class)
			.isThrownBy(() -> execution(resumed).gather(calls("generateInvoice", 99)))
			.withMessageStartingWith("Function 'parent' does not replay as it ran before: step 1 was a gather of 100 "
					+ "calls to generateInvoice, this run asks for a gather of 99 calls to generateInvoice.");
	}

	@Test
	void divergesWhenAReplayAsksForAnotherFunction() {
		Poll poll = suspend(start(), calls("upper", 1));
		ReplayJournal resumed = resume(poll, results(poll));

		assertThatExceptionOfType(ReplayDivergence.class)
			.isThrownBy(() -> execution(resumed).gather(calls("lower", 1)))
			.withMessageContaining("step 1 was a gather of 1 call to upper, this run asks for a gather of 1 call to lower");
	}

	@Test
	void divergesWhenAReplayAsksForOtherInputs() {
		Poll poll = suspend(start(), calls("child", 2));
		ReplayJournal resumed = resume(poll, results(poll));
		List<Call> other = List.of(call("child", "in0"), call("child", "changed"));

		assertThatExceptionOfType(ReplayDivergence.class).isThrownBy(() -> execution(resumed).gather(other))
			.withMessageContaining("step 1 was a gather of 2 calls to child, this run asks for one with other inputs");
	}

	@Test
	void divergesWhenAReplayAsksForABatchWhereAGatherWas() {
		Poll poll = suspend(start(), calls("child", 2));
		ReplayJournal resumed = resume(poll, results(poll));

		assertThatExceptionOfType(ReplayDivergence.class)
			.isThrownBy(() -> execution(resumed).batch(calls("child", 2), (calls) -> List.of("a", "b")))
			.withMessageContaining("step 1 was a gather of 2 calls to child, this run asks for a batch of 2 calls to child");
	}

	@Test
	void divergesWhenAReplayReturnsBeforeTheStepItWasSuspendedAt() {
		Poll poll = suspend(start(), calls("child", 2));
		ReplayJournal resumed = resume(poll, results(poll));

		assertThatExceptionOfType(ReplayDivergence.class).isThrownBy(() -> execution(resumed).run(() -> "early"))
			.withMessageContaining("step 1 was a gather of 2 calls to child, this run returned after step 0");
	}

	@Test
	void carriesTheResultsOfEarlierGathersToTheNextSuspension() {
		Poll first = suspend(start(), calls("child", 2));
		ReplayJournal resumed = resume(first, results(first));
		DurableExecution replay = execution(resumed);
		replay.gather(calls("child", 2));
		Poll second = suspend(replay, calls("other", 1));

		Journal journal = unpack(second);
		assertThat(journal.getSuspendedAt()).isEqualTo(2);
		assertThat(journal.getStepsOrThrow(1).getResultsCount()).isEqualTo(2);
		assertThat(journal.getStepsOrThrow(1).getArrived().isEmpty()).isTrue();
		assertThat(journal.getResults()).isEqualTo(Journal.Results.RESULTS_IN_JOURNAL);
	}

	@Test
	void refusesAStateThatIsNotAJournal() {
		PollResult pollResult = PollResult.newBuilder().setTypedCoroutineState(Any.pack(StringValue.of("x"))).build();

		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> ReplayJournal.resume(pollResult))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.INCOMPATIBLE_STATE));
	}

	private static ReplayJournal start() {
		return ReplayJournal.start("parent", input("input"));
	}

	private static Poll suspend(ReplayJournal journal, List<Call> calls) {
		return suspend(execution(journal), calls);
	}

	private static Poll suspend(DurableExecution execution, List<Call> calls) {
		try {
			execution.gather(calls);
		}
		catch (Suspension suspension) {
			return suspension.poll();
		}
		throw new AssertionError("The gather did not suspend");
	}

	static ReplayJournal resume(Poll poll, CallResult... results) {
		return ReplayJournal.resume(PollResult.newBuilder()
			.setTypedCoroutineState(poll.getTypedCoroutineState())
			.addAllResults(List.of(results))
			.build());
	}

	private static CallResult[] results(Poll poll) {
		return results(poll, 0, poll.getCallsCount());
	}

	private static CallResult[] results(Poll poll, int from, int to) {
		return IntStream.range(from, to).mapToObj((index) -> result(poll.getCalls(index), "out" + index))
			.toArray(CallResult[]::new);
	}

	private static Journal unpack(Poll poll) {
		try {
			return poll.getTypedCoroutineState().unpack(Journal.class);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new AssertionError(ex);
		}
	}

	private static DurableExecution execution(ReplayJournal journal) {
		return new DurableExecution(new RunningCall("parent", "parent", "parent", "", 1), journal, null,
				Clock.systemUTC());
	}

	private static List<Call> calls(String function, int count) {
		return IntStream.range(0, count).mapToObj((i) -> call(function, "in" + i)).toList();
	}

	private static Call call(String function, String input) {
		return Call.newBuilder().setFunction(function).setInput(input(input)).build();
	}

	private static CallResult result(Call call, String output) {
		return CallResult.newBuilder()
			.setCorrelationId(call.getCorrelationId())
			.setOutput(input(output))
			.build();
	}

	private static Any input(String value) {
		return Any.pack(StringValue.of(value));
	}

}
