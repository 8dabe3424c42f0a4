package io.github.dispatchspring.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.dispatchspring.durable.ReplayJournalTests.resume;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sleeps, anys and races in the journal: a sleep is a step with the time it ends, a poll without
 * calls waits for the time left, and the call an any or a race chose is what every replay returns.
 */
class SleepAndFirstJournalTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	@Test
	void sleepSuspendsWithAPollWithoutCallsForTheTimeLeft() {
		Poll poll = suspension(() -> execution(start()).sleep(Duration.ofSeconds(10)));

		assertThat(poll.getCallsList()).isEmpty();
		assertThat(poll.getMinResults()).isEqualTo(1);
		assertThat(poll.getMaxWait().getSeconds()).isEqualTo(10);
	}

	@Test
	void aReplayBeforeTheEndOfASleepWaitsForTheTimeLeftAndPassesItAfterwards() {
		Poll poll = suspension(() -> execution(start()).sleep(Duration.ofSeconds(10)));
		this.clock.advance(Duration.ofSeconds(4));
		Poll again = suspension(() -> execution(resume(poll)).sleep(Duration.ofSeconds(10)));
		assertThat(again.getMaxWait().getSeconds()).isEqualTo(6);
		this.clock.advance(Duration.ofSeconds(6));

		DurableExecution past = execution(resume(again));
		past.sleep(Duration.ofSeconds(10));
		Poll gather = suspension(() -> past.gather(calls(2)));
		assertThat(gather.getCallsList()).hasSize(2);
	}

	@Test
	void aSleepShorterThanASecondWaitsASecond() {
		Poll poll = suspension(() -> execution(start()).sleep(Duration.ofMillis(20)));

		assertThat(poll.getMaxWait().getSeconds()).isEqualTo(1);
	}

	@Test
	void aReplayAskingForAGatherWhereItSleptDiverges() {
		Poll poll = suspension(() -> execution(start()).sleep(Duration.ofSeconds(10)));
		this.clock.advance(Duration.ofSeconds(10));

		assertThatExceptionOfType(ReplayDivergence.class).isThrownBy(() -> execution(resume(poll)).gather(calls(1)))
			.withMessageContaining("step 1 was a sleep until 2030-01-01T00:00:10Z, this run asks for a gather of 1 call");
	}

	@Test
	void aRaceReturnsTheLowestIndexOfTheResultsThatArrivedTogetherAndReplaysIt() {
		List<Call> calls = calls(3);
		Poll poll = suspension(() -> execution(start()).first(calls, true));
		assertThat(poll.getMinResults()).isEqualTo(1);

		DurableExecution resumed = execution(resume(poll, result(poll.getCalls(2), "c"), result(poll.getCalls(1), "b")));
		assertThat(resumed.first(calls, true).winner()).isEqualTo(1);
		Poll next = suspension(() -> resumed.gather(calls(1)));

		DurableExecution replayed = execution(resume(next, result(next.getCalls(0), "later")));
		FirstOutcome again = replayed.first(calls, true);
		assertThat(again.winner()).isEqualTo(1);
		assertThat(again.results().get(0).getOutput()).isEqualTo(input("b"));
	}

	@Test
	void anAnyWaitsPastFailuresForASuccess() {
		List<Call> calls = calls(2);
		Poll poll = suspension(() -> execution(start()).first(calls, false));
		CallResult failure = CallResult.newBuilder()
			.setCorrelationId(poll.getCalls(0).getCorrelationId())
			.setError(io.github.dispatchspring.proto.Error.newBuilder().setType("Boom").setMessage("failed"))
			.build();

		assertThat(suspension(() -> execution(resume(poll, failure)).first(calls, false)).getCallsList()).isEmpty();
	}

	private ReplayJournal start() {
		return ReplayJournal.start("parent", input("input"));
	}

	private DurableExecution execution(ReplayJournal journal) {
		return new DurableExecution(new RunningCall("parent", "parent", "parent", "", 1), journal, null, this.clock);
	}

	private static Poll suspension(Runnable step) {
		try {
			step.run();
		}
		catch (Suspension suspension) {
			return suspension.poll();
		}
		throw new AssertionError("The step did not suspend");
	}

	private static List<Call> calls(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> Call.newBuilder().setFunction("child").setInput(input("in" + i)).build())
			.toList();
	}

	private static CallResult result(Call call, String output) {
		return CallResult.newBuilder().setCorrelationId(call.getCorrelationId()).setOutput(input(output)).build();
	}

	private static Any input(String value) {
		return Any.pack(StringValue.of(value));
	}

}
