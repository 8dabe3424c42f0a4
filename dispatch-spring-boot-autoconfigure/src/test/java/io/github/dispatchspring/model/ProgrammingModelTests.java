package io.github.dispatchspring.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunctionHandle;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.model.Billing.Delay;
import io.github.dispatchspring.model.Billing.Invoice;
import io.github.dispatchspring.model.Billing.Total;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The programming model through the public API, on each store a subclass runs it on.
 */
abstract class ProgrammingModelTests {

	static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	DispatchClient client;

	@Autowired
	Billing billing;

	@Test
	void gathersResultsOfAGenericTypeWithoutCasts() {
		List<List<Invoice>> invoices = this.client.gather("invoices", List.of("acme", "globex"),
				new ParameterizedTypeReference<List<Invoice>>() {
				});
		assertThat(invoices).hasSize(2);
		assertThat(invoices.get(1).get(0)).isEqualTo(new Invoice("globex", new BigDecimal("10.50")));
	}

	@Test
	void awaitsAResultOfAGenericType() {
		DispatchId id = this.client.dispatch("totals", List.of("acme"));
		Map<String, Total> totals = this.client.await(id, new ParameterizedTypeReference<Map<String, Total>>() {
		}, TIMEOUT);
		assertThat(totals).containsExactly(Map.entry("acme", new Total(new BigDecimal("12.75"), 2)));
	}

	@Test
	void aHandleNamedByItsMethodReadsTheGenericReturnType() {
		DispatchFunctionHandle<String, List<Invoice>> invoices = this.client.function(Billing::invoices);
		Invoice first = invoices.call("initech").get(0);
		assertThat(first.customer()).isEqualTo("initech");
		DispatchFunctionHandle<List<String>, Map<String, Total>> totals = this.client.function(Billing::totals);
		assertThat(totals.call(List.of("a", "b")).get("b").count()).isEqualTo(2);
	}

	@Test
	void aHandleNamedByNameTakesAGenericType() {
		DispatchFunctionHandle<String, List<Invoice>> invoices = this.client.function("invoices",
				new ParameterizedTypeReference<List<Invoice>>() {
				});
		assertThat(invoices.gather(List.of("x")).get(0).get(1).amount()).isEqualByComparingTo("2.25");
	}

	@Test
	void awaitsAsynchronouslyWithoutBlockingTheCaller() throws Exception {
		DispatchId id = this.client.dispatch("held", "released");
		CompletableFuture<String> result = this.client.awaitAsync(id, String.class, TIMEOUT);
		CompletableFuture<List<List<Invoice>>> invoices = this.client.function(Billing::invoices)
			.gatherAsync(List.of("acme"));
		assertThat(invoices.get(1, TimeUnit.MINUTES).get(0).get(0).customer()).isEqualTo("acme");
		assertThat(result).isNotDone();
		this.billing.release("released");
		assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo("released");
	}

	@Test
	void futuresCompleteWithTheFailureAndEveryFailedIndex() {
		DispatchId id = this.client.dispatch("rejects", "bad future");
		assertThat(this.client.awaitAsync(id, String.class, TIMEOUT)).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CallFailedException.class,
					(ex) -> assertThat(ex.getCallStatus()).isEqualTo(DispatchStatus.INVALID_ARGUMENT));
		assertFailsAtEveryBadInput(this.client);
	}

	@Test
	void aFutureOfACallStillRunningCompletesWithATimeout() {
		DispatchId id = this.client.dispatch("held", "future timeout");
		// The timeout under test: short, since the call is held until the test releases it.
		assertThat(this.client.awaitAsync(id, String.class, Duration.ofMillis(200))).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(DispatchException.class,
					(ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.TIMEOUT));
		this.billing.release("future timeout");
		assertThat(this.client.await(id, String.class, TIMEOUT)).isEqualTo("future timeout");
	}

	@Test
	void refusesFuturesInsideFunctions() {
		String message = "would hold the scheduler's thread inside a Dispatch function, where a call's results "
				+ "arrive by replay; use gather, which suspends the function instead";
		DispatchId id = this.client.dispatch("invoices", "acme");
		assertThat(this.client.gather("awaitsAsyncInside", List.of(id.value()), String.class))
			.containsExactly("awaitAsync " + message);
		assertThat(this.client.gather("gathersAsyncInside", List.of("x"), String.class))
			.containsExactly("gatherAsync " + message);
	}

	@Test
	void tellsWhereACallStands() throws Exception {
		DispatchId held = this.client.dispatch("held", "status");
		await(() -> this.client.status(held).state() == CallStatus.State.RUNNING);
		CallStatus running = this.client.status(held);
		assertThat(running.function()).isEqualTo("held");
		assertThat(running.attempts()).isEqualTo(1);
		assertThat(running.endedAt()).isNull();
		assertThat(running.outcome()).isNull();
		this.billing.release("status");
		this.client.await(held, String.class, TIMEOUT);
		CallStatus done = this.client.status(held);
		assertThat(done.state()).isEqualTo(CallStatus.State.DONE);
		assertThat(done.outcome()).isEqualTo(DispatchStatus.OK);
		assertThat(done.endedAt()).isAfterOrEqualTo(done.createdAt());
	}

	@Test
	void tellsTheAttemptsAndLastErrorOfARetriedCall() {
		DispatchId id = this.client.dispatch("flaky", "status-" + System.nanoTime());
		this.client.await(id, String.class, TIMEOUT);
		CallStatus status = this.client.status(id);
		assertThat(status.state()).isEqualTo(CallStatus.State.DONE);
		assertThat(status.attempts()).isEqualTo(3);
		assertThat(status.lastErrorType()).isEqualTo("java.io.IOException");
		assertThat(status.lastErrorMessage()).startsWith("storage unavailable for status-");
		assertThat(status.outcome()).isEqualTo(DispatchStatus.OK);
	}

	@Test
	void refusesTheStatusOfAnUnknownCall() {
		assertThatExceptionOfType(DispatchException.class)
			.isThrownBy(() -> this.client.status(DispatchId.of("unknown-call")))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.NOT_FOUND));
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void awaitOnAnIdTheStoreNeverHeldFailsAtOnceWithNotFound() {
		assertThatExceptionOfType(DispatchException.class)
			.isThrownBy(() -> this.client.await(DispatchId.of("never-held"), String.class, Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.NOT_FOUND));
	}

	@Test
	void awaitOnARunningCallTimesOut() {
		DispatchId id = this.client.dispatch("held", "await timeout");
		// The timeout under test: short, since the call is held until the test releases it.
		assertThatExceptionOfType(DispatchException.class)
			.isThrownBy(() -> this.client.await(id, String.class, Duration.ofMillis(200)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.TIMEOUT));
		this.billing.release("await timeout");
		assertThat(this.client.await(id, String.class, TIMEOUT)).isEqualTo("await timeout");
	}

	@Test
	void aFailedCallCarriesItsRealStatusAndEveryFailedIndex() {
		DispatchId id = this.client.dispatch("rejects", "bad input");
		assertThatExceptionOfType(CallFailedException.class).isThrownBy(() -> this.client.await(id, String.class, TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getCallStatus()).isEqualTo(DispatchStatus.INVALID_ARGUMENT);
				assertThat(ex.getStatus()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
			});
		CallStatus status = this.client.status(id);
		assertThat(status.outcome()).isEqualTo(DispatchStatus.INVALID_ARGUMENT);
		assertThat(status.lastErrorMessage()).isEqualTo("cannot take bad input");
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.gather("rejects", List.of("a", "bad-1", "b", "bad-2"), String.class))
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(CallFailedException.Failure::index,
					CallFailedException.Failure::status)
				.containsExactly(tuple(1, DispatchStatus.INVALID_ARGUMENT), tuple(3, DispatchStatus.INVALID_ARGUMENT)));
	}

	@Test
	void aGatherInsideAFunctionSeesTheRealStatusOfItsFailedCalls() {
		List<String> seen = this.client.function(Billing::failuresSeenInside).call(List.of("bad-a", "ok"));
		assertThat(seen).containsExactly("0:INVALID_ARGUMENT");
	}

	@Test
	void sleepsDurablyBetweenGathersAndReplaysPastTheSleep() throws Exception {
		String key = "nap-" + System.nanoTime();
		DispatchId id = this.client.dispatch("naps", key);
		await(() -> this.client.status(id).state() == CallStatus.State.SUSPENDED
				&& this.billing.runs.containsKey("naps:" + key));
		assertThat(this.billing.runs).doesNotContainKey("woke:" + key);
		List<String> result = this.client.await(id, new ParameterizedTypeReference<List<String>>() {
		}, TIMEOUT);
		assertThat(result).containsExactly(key + "-before", key + "-after");
		assertThat(this.billing.runs.get("woke:" + key)).as("runs past the sleep").isEqualTo(2);
		assertThat(this.billing.runs.get("naps:" + key)).as("runs up to the sleep").isEqualTo(3);
	}

	@Test
	void refusesToSleepOutsideFunctions() {
		assertThatIllegalStateException().isThrownBy(() -> this.client.sleep(Duration.ofSeconds(1)))
			.withMessageStartingWith("sleep suspends a @DispatchFunction durably and is only known inside one");
	}

	@Test
	void anyReturnsTheFirstSuccessAndRaceTheFirstOutcome() throws Exception {
		String key = "first-" + System.nanoTime();
		List<Delay> delays = List.of(new Delay(key + "-fails", 0, true),
				new Delay(key + "-slow", TIMEOUT.multipliedBy(2).toMillis(), false), new Delay(key + "-fast", 200, false));
		assertThat(this.client.any("delayed", delays, String.class)).isEqualTo(key + "-fast");
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.race("delayed", delays, String.class))
			.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
				.satisfies((failure) -> assertThat(failure.index()).isZero()));
		String slow = key + "-slow";
		await(() -> this.billing.runs.getOrDefault("interrupted:" + slow, 0) > 0
				&& this.billing.runs.get("interrupted:" + slow).equals(this.billing.runs.get("started:" + slow)));
		assertThat(this.billing.runs).as("the slow calls lost and were cancelled").doesNotContainKey("delayed:" + slow);
	}

	@Test
	void anyFailsWithEveryFailureWhenAllCallsFail() {
		String key = "failing-" + System.nanoTime();
		List<Delay> delays = List.of(new Delay(key + "-a", 100, true), new Delay(key + "-b", 0, true));
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.<Delay, String>function("delayed", String.class).any(delays))
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(CallFailedException.Failure::index)
				.containsExactly(0, 1));
	}

	@Test
	void anyAndRaceInsideAFunctionAreJournaledAndReplayed() {
		String key = "inside-" + System.nanoTime();
		List<Delay> delays = List.of(new Delay(key + "-slow", 1500, false), new Delay(key + "-fails", 300, true),
				new Delay(key + "-fast", 600, false));
		assertThat(this.client.function(Billing::firstInside).call(delays)).containsExactly(key + "-fast",
				"failed at 1", key + "-fast");
	}

	@Test
	void dispatchesOncePerIdempotencyKey() {
		String key = "order-" + System.nanoTime();
		Delay delay = new Delay(key, 0, false);
		DispatchId first = this.client.dispatch("delayed", delay, DispatchOptions.idempotencyKey(key));
		DispatchId second = this.client.dispatch("delayed", delay, DispatchOptions.idempotencyKey(key));
		DispatchId other = this.client.dispatch("delayed", delay, DispatchOptions.idempotencyKey(key + "-other"));
		assertThat(second).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		this.client.await(first, String.class, TIMEOUT);
		this.client.await(other, String.class, TIMEOUT);
		DispatchId afterItEnded = this.client.dispatch("delayed", delay, DispatchOptions.idempotencyKey(key));
		assertThat(afterItEnded).as("the key is kept after its call ended").isEqualTo(first);
		assertThat(this.client.status(afterItEnded).state()).isEqualTo(CallStatus.State.DONE);
		assertThat(this.billing.runs.get("delayed:" + key)).isEqualTo(2);
	}

	@Test
	void refusesAnIdempotencyKeyInsideAFunction() {
		assertThat(this.client.function(Billing::dispatchesWithAKeyInside).call("inside"))
			.startsWith("A call dispatched inside a @DispatchFunction takes no idempotency key");
	}

	/** The future of a gather whose inputs 0 and 2 fail in {@code rejects} completes with both failures. */
	static void assertFailsAtEveryBadInput(DispatchClient client) {
		assertThat(client.function(Billing::rejects).gatherAsync(List.of("bad-0", "ok", "bad-2"))).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CallFailedException.class,
					(ex) -> assertThat(ex.getFailures()).extracting(CallFailedException.Failure::index)
						.containsExactly(0, 2));
	}

	static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within " + TIMEOUT).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Billing.class)
	static class ModelApplication {

	}

}
