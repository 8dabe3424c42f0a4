package io.github.dispatchspring.cancel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.cancel.Sleepers.FanOut;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cancelling calls through the public API, on each store a subclass runs it on: pending calls never
 * run, running ones are interrupted, parents see the cancellation, and any and race cancel the calls
 * that lost.
 */
abstract class CancellationTests {

	static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	DispatchClient client;

	@Autowired
	Sleepers sleepers;

	@Autowired
	CallQueries queries;

	@Autowired
	EmbeddedScheduler scheduler;

	@Test
	void cancellingAFanOutOfAThousandCallsRunsNoneOfItsPendingCalls() throws Exception {
		String key = "fan-" + System.nanoTime();
		DispatchId parent = this.client.dispatch("fanOut", new FanOut(key, 1000));
		int workers = this.scheduler.settings().concurrency();
		await(() -> started(key).size() == workers);

		assertThat(this.client.cancel(parent)).isEqualTo(Cancellation.CANCELLED);
		Set<String> startedBeforeCancelReturned = started(key);

		assertCancelled(parent);
		await(() -> !states(parent).containsKey(CallState.RUNNING));
		assertThat(states(parent)).containsExactly(Map.entry(CallState.FAILED, 1001L));
		assertThat(started(key)).as("children started once the cancel returned").isEqualTo(startedBeforeCancelReturned);
		assertThat(interrupted(key)).as("the running children were interrupted").isEqualTo(startedBeforeCancelReturned);
	}

	@Test
	void aRunningCallBlockedInSleepIsInterruptedAndEndsCancelled() throws Exception {
		String key = "running-" + System.nanoTime();
		DispatchId id = this.client.dispatch("sleeper", key);
		await(() -> this.sleepers.started.contains(key));

		assertThat(this.client.cancel(id)).isEqualTo(Cancellation.CANCELLING);

		assertCancelled(id);
		assertThat(this.sleepers.interrupted).contains(key);
		assertThat(this.client.status(id).outcome()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
	}

	@Test
	void cancellingAgainOrAfterTheEndChangesNothing() throws Exception {
		String key = "twice-" + System.nanoTime();
		DispatchId id = this.client.dispatch("sleeper", key);
		await(() -> this.sleepers.started.contains(key));
		assertThat(this.client.cancel(id)).isEqualTo(Cancellation.CANCELLING);
		assertThat(this.client.cancel(id)).isIn(Cancellation.CANCELLING, Cancellation.ENDED);
		assertCancelled(id);
		assertThat(this.client.cancel(id)).isEqualTo(Cancellation.ENDED);

		DispatchId succeeded = this.client.dispatch("sleeper", key + "-quick");
		assertThat(this.client.await(succeeded, String.class, TIMEOUT)).isEqualTo(key + "-quick");
		assertThat(this.client.cancel(succeeded)).isEqualTo(Cancellation.ENDED);
		assertThat(this.client.await(succeeded, String.class, TIMEOUT)).isEqualTo(key + "-quick");
	}

	@Test
	void cancellingAnUnknownCallIsNotFound() {
		assertThatExceptionOfType(DispatchException.class)
			.isThrownBy(() -> this.client.cancel(DispatchId.of("0123456789abcdef0123456789abcdef")))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.NOT_FOUND))
			.withMessageContaining("0123456789abcdef0123456789abcdef");
	}

	@Test
	void aGatherSeesItsCancelledCallAsAFailureThatSaysSo() throws Exception {
		String key = "gathered-" + System.nanoTime();
		DispatchId parent = this.client.dispatch("gathersSleepers", List.of(key + "-quick", key));
		await(() -> this.sleepers.started.contains(key));

		assertThat(this.client.cancel(DispatchId.of(this.sleepers.ids.get(key)))).isEqualTo(Cancellation.CANCELLING);

		assertThat(this.client.await(parent, String.class, TIMEOUT)).isEqualTo("1 true Cancelled PERMANENT_ERROR");
		assertThat(this.sleepers.interrupted).contains(key);
	}

	@Test
	void raceAndAnyCancelTheCallsThatLost() throws Exception {
		String race = "race-" + System.nanoTime();
		assertThat(this.client.race("sleeper", List.of(race, Sleepers.AFTER + race), String.class))
			.isEqualTo(Sleepers.AFTER + race);
		String any = "any-" + System.nanoTime();
		assertThat(this.client.any("sleeper", List.of(any, Sleepers.AFTER + any), String.class))
			.isEqualTo(Sleepers.AFTER + any);

		assertCancelled(DispatchId.of(this.sleepers.ids.get(race)));
		assertCancelled(DispatchId.of(this.sleepers.ids.get(any)));
		assertThat(this.sleepers.interrupted).contains(race, any);
	}

	@Test
	void aRaceInsideAFunctionCancelsTheCallsThatLost() throws Exception {
		String key = "inside-" + System.nanoTime();
		assertThat(this.client.function(Sleepers::racesSleepers).call(List.of(key, Sleepers.AFTER + key)))
			.isEqualTo(Sleepers.AFTER + key);

		assertCancelled(DispatchId.of(this.sleepers.ids.get(key)));
		assertThat(this.sleepers.interrupted).contains(key);
	}

	private void assertCancelled(DispatchId id) {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.await(id, String.class, TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.isCancelled()).isTrue();
				assertThat(ex.getErrorType()).isEqualTo(Cancellation.ERROR_TYPE);
				assertThat(ex.getCallStatus()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
			});
	}

	private Set<String> started(String key) {
		return keysOf(this.sleepers.started, key);
	}

	private Set<String> interrupted(String key) {
		return keysOf(this.sleepers.interrupted, key);
	}

	private static Set<String> keysOf(Set<String> keys, String key) {
		return Set.copyOf(keys.stream().filter((each) -> each.startsWith(key + "-")).toList());
	}

	/** How many calls of the tree are in each state. */
	private Map<CallState, Long> states(DispatchId root) {
		Map<CallState, Long> states = new EnumMap<>(CallState.class);
		CallFilter filter = new CallFilter(null, null, null, null, root.value(), null, null, null);
		CallPage page = this.queries.calls(filter, 500);
		while (true) {
			for (CallSummary call : page.calls()) {
				states.merge(call.state(), 1L, Long::sum);
			}
			if (page.next() == null) {
				return states;
			}
			page = this.queries.calls(filter.after(page.next()), 500);
		}
	}

	static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within " + TIMEOUT).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Sleepers.class)
	static class SleepersApplication {

	}

}
