package io.github.dispatchspring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The test kit runs functions and all their calls on the test's thread, through the scheduler's own
 * execution, with a virtual clock and the failures a test injects. Retries back off for an hour here,
 * so that a retry can only run in a test because the clock skipped the hour.
 */
@SpringBootTest(classes = KitApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.defaults.retry.initial-interval=1h", "dispatch.defaults.retry.max-interval=1h",
				"dispatch.functions.callPartner.rate-limit.limit=1", "dispatch.functions.callPartner.rate-limit.period=1m",
				"dispatch.functions.slowOnce.timeout=200ms" })
@AutoConfigureDispatchTestKit
class DispatchTestKitTests {

	@Autowired
	private DispatchTestKit kit;

	@Autowired
	private KitApplication.Functions functions;

	@Autowired
	private Clock clock;

	@Autowired
	private DispatchClient client;

	@Autowired
	private EmbeddedScheduler scheduler;

	@AfterEach
	void forgetRuns() {
		this.functions.forget();
	}

	@Test
	void runsAFunctionAndReturnsItsResult() {
		assertThat(this.kit.run("greet", "Ada", String.class)).isEqualTo("Hello, Ada");
		assertThat(this.kit.calls()).singleElement().satisfies((call) -> {
			assertThat(call.function()).isEqualTo("greet");
			assertThat(call.input(String.class)).isEqualTo("Ada");
			assertThat(call.statuses()).containsExactly(DispatchStatus.OK);
			assertThat(call.outcome()).isEqualTo(DispatchStatus.OK);
			assertThat(call.output(String.class)).isEqualTo("Hello, Ada");
			assertThat(call.parentId()).isNull();
		});
	}

	@Test
	void runsTheCallsOfAGatherAndResumesTheFunctionWithTheirResults() {
		assertThat(this.kit.run("sumOfSquares", List.of(1, 2, 3), Integer.class)).isEqualTo(14);
		RecordedCall parent = this.kit.calls("sumOfSquares").get(0);
		assertThat(this.kit.calls()).as("a call before the calls it made, all made at the same time")
			.extracting(RecordedCall::function)
			.containsExactly("sumOfSquares", "square", "square", "square");
		assertThat(this.kit.calls("square")).hasSize(3)
			.allSatisfy((call) -> assertThat(call.parentId()).isEqualTo(parent.id()))
			.extracting((call) -> call.input(Integer.class))
			.containsExactlyInAnyOrder(1, 2, 3);
		assertThat(this.functions.runs("sumOfSquares")).as("the run that gathers and the resumed run").hasSize(2);
	}

	@Test
	void retriesAFailedCallOnceTheClockHasSkippedTheBackoff() {
		this.functions.failNextMails(1);
		assertThat(this.kit.run("sendMail", "ada@example.com", String.class)).isEqualTo("sent to ada@example.com");
		assertThat(this.kit.calls("sendMail").get(0).statuses()).containsExactly(DispatchStatus.TEMPORARY_ERROR,
				DispatchStatus.OK);
		List<Instant> runs = this.functions.runs("sendMail");
		assertThat(runs).hasSize(2);
		assertThat(Duration.between(runs.get(0), runs.get(1))).as("an hour's backoff with its jitter")
			.isBetween(Duration.ofMinutes(30), Duration.ofMinutes(90));
	}

	@Test
	void movesTheClockOnWhileARateLimitHoldsCallsBack() {
		List<DispatchId> ids = List.of(this.kit.dispatch("callPartner", "a"), this.kit.dispatch("callPartner", "b"),
				this.kit.dispatch("callPartner", "c"));
		this.kit.runUntilIdle();
		assertThat(ids).allSatisfy((id) -> assertThat(this.client.status(id).outcome()).isEqualTo(DispatchStatus.OK));
		List<Instant> runs = this.functions.runs("callPartner");
		assertThat(runs).hasSize(3);
		assertThat(Duration.between(runs.get(0), runs.get(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(Duration.between(runs.get(1), runs.get(2))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void interruptsARunThatOutlastsItsFunctionsTimeout() {
		// slowOnce has a timeout of 200ms, not the default four minutes, so that its first run, which
		// sleeps for ten minutes unless interrupted, ends within the test
		assertThat(this.kit.run("slowOnce", "march", String.class)).isEqualTo("generated march");
		assertThat(this.kit.calls("slowOnce")).singleElement()
			.satisfies((call) -> assertThat(call.statuses()).containsExactly(DispatchStatus.TIMEOUT, DispatchStatus.OK));
	}

	@Test
	void skipsADurableSleepOfADay() {
		Instant start = this.kit.now();
		String wokeAt = this.kit.run("wakeUpTomorrow", null, String.class);
		assertThat(Instant.parse(wokeAt)).isAfterOrEqualTo(start.plus(Duration.ofDays(1)));
		assertThat(this.functions.runs("wakeUpTomorrow")).hasSize(2);
	}

	@Test
	void advancingTheClockRunsOnlyTheCallsThatBecomeDue() {
		this.kit.dispatch("wakeUpTomorrow", null);
		this.kit.advance(Duration.ofHours(23));
		assertThat(this.functions.runs("wakeUpTomorrow")).hasSize(1);
		assertThat(this.kit.calls("wakeUpTomorrow").get(0).outcome()).isNull();
		this.kit.advance(Duration.ofHours(1));
		assertThat(this.functions.runs("wakeUpTomorrow")).hasSize(2);
		assertThat(this.kit.calls("wakeUpTomorrow").get(0).outcome()).isEqualTo(DispatchStatus.OK);
	}

	@Test
	void failsTheChosenAttemptsBeforeTheFunctionRuns() {
		this.kit.fail("greet").onAttempts(1, 2);
		assertThat(this.kit.run("greet", "Ada", String.class)).isEqualTo("Hello, Ada");
		RecordedCall call = this.kit.calls("greet").get(0);
		assertThat(call.statuses()).containsExactly(DispatchStatus.TEMPORARY_ERROR, DispatchStatus.TEMPORARY_ERROR,
				DispatchStatus.OK);
		assertThat(call.attempts()).isEqualTo(3);
		assertThat(this.functions.runs("greet")).as("the real function runs on the third attempt only").hasSize(1);
	}

	@Test
	void failsTheCallsWhoseInputMatchesWithTheChosenStatus() {
		this.kit.fail("square").withStatus(DispatchStatus.PERMANENT_ERROR).forInput(Integer.class, (n) -> n == 2);
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.kit.run("sumOfSquares", List.of(1, 2, 3), Integer.class));
		assertThat(this.kit.calls("square")).hasSize(3).allSatisfy((call) -> {
			DispatchStatus expected = (call.input(Integer.class) == 2) ? DispatchStatus.PERMANENT_ERROR
					: DispatchStatus.OK;
			assertThat(call.statuses()).containsExactly(expected);
		});
		assertThat(this.functions.runs("square")).hasSize(2);
		assertThat(this.kit.calls("sumOfSquares").get(0).outcome()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
	}

	@Test
	void theApplicationsSchedulerRunsNothingByItself() {
		assertThat(this.scheduler.isRunning()).isFalse();
		DispatchId id = this.kit.dispatch("greet", "Ada");
		assertThat(this.kit.calls("greet")).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo(id);
			assertThat(call.outcome()).isNull();
		});
		this.kit.runUntilIdle();
		assertThat(this.kit.calls("greet").get(0).outcome()).isEqualTo(DispatchStatus.OK);
	}

	@Test
	void waitingForResultsOutsideFunctionsRunsTheCallsOnTheWaitingThread() {
		DispatchId id = this.client.dispatch("wakeUpTomorrow", null);
		Instant start = this.kit.now();
		assertThat(Instant.parse(this.client.await(id, String.class, Duration.ofSeconds(1))))
			.isAfterOrEqualTo(start.plus(Duration.ofDays(1)));
		assertThat(this.client.gather("square", List.of(2, 3), Integer.class)).containsExactly(4, 9);
		assertThat(this.client.awaitAsync(this.client.dispatch("greet", "Ada"), String.class, Duration.ofSeconds(1))
			.join()).isEqualTo("Hello, Ada");
	}

	@Test
	void theApplicationsClockIsTheVirtualClock() {
		this.kit.advance(Duration.ofDays(3));
		assertThat(this.clock.instant()).isEqualTo(this.kit.now());
	}

	@Test
	void resetForgetsTheInjectedFailuresAndTheCalls() {
		this.kit.fail("greet");
		this.kit.dispatch("wakeUpTomorrow", null);
		this.kit.runUntilIdle();
		this.kit.dispatch("greet", "Ada");
		this.kit.reset();
		assertThat(this.kit.calls()).isEmpty();
		assertThat(this.kit.run("greet", "Ada", String.class)).isEqualTo("Hello, Ada");
		assertThat(this.kit.calls()).hasSize(1);
	}

	@Test
	void refusesFailuresThatAreNotFailures() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.kit.fail("greet").withStatus(DispatchStatus.OK));
		assertThatIllegalArgumentException().isThrownBy(() -> this.kit.fail("greet").onAttempts(0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.kit.advance(Duration.ofSeconds(-1)));
	}

}
