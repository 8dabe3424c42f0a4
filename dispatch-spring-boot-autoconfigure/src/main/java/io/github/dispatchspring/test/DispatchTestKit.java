package io.github.dispatchspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.ForegroundScheduler;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Runs an application's Dispatch functions in a test, on the test's thread and a virtual clock: the
 * bean {@link AutoConfigureDispatchTestKit} adds. Calls go through the scheduler's own execution, so
 * retries, {@code gather}, {@code sleep} and expirations behave as they do in production; when no call
 * is due, the clock moves to the next due time instead of waiting.
 * <pre class="code">
 * kit.fail("uploadToS3").onAttempts(1);
 * InvoiceReport report = kit.run("generateInvoices", null, InvoiceReport.class);
 * assertThat(kit.calls("uploadToS3")).extracting(RecordedCall::attempts).contains(2);
 * </pre>
 * Calls, injected failures and the clock are shared by the tests of one application context: the
 * kit is {@linkplain #reset() reset} after each test method, but the clock only ever moves forward.
 */
public final class DispatchTestKit {

	private static final int MAX_RUNS = 100_000;

	private static final Duration MAX_HELD_BACK_STEP = Duration.ofSeconds(1);

	private final DispatchClient client;

	private final ForegroundScheduler scheduler;

	private final VirtualClock clock;

	private final InjectedFailures failures;

	private final RecordedCalls calls;

	DispatchTestKit(DispatchClient client, ForegroundScheduler scheduler, VirtualClock clock,
			InjectedFailures failures, RecordedCalls calls) {
		this.client = client;
		this.scheduler = scheduler;
		this.clock = clock;
		this.failures = failures;
		this.calls = calls;
	}

	/**
	 * Dispatches a call of the function without running it; {@link #runUntilIdle()},
	 * {@link #advance(Duration)} or a wait for its result ({@link DispatchClient#await}) run it.
	 * @param function the function's name
	 * @param input its input, or {@code null}
	 * @return the call's dispatch id
	 */
	public DispatchId dispatch(String function, @Nullable Object input) {
		return this.client.dispatch(function, input);
	}

	/**
	 * Dispatches a call of the function, runs it and every call it leads to until nothing is left to
	 * run, and returns its result.
	 * @param <R> the result type
	 * @param function the function's name
	 * @param input its input, or {@code null}
	 * @param resultType the class of its result
	 * @return the result
	 * @throws io.github.dispatchspring.CallFailedException if the call ended with an error
	 */
	public <R> @Nullable R run(String function, @Nullable Object input, Class<R> resultType) {
		return run(function, input, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Dispatches a call of the function, runs it and every call it leads to until nothing is left to
	 * run, and returns its result.
	 * @param <R> the result type
	 * @param function the function's name
	 * @param input its input, or {@code null}
	 * @param resultType the type of its result, such as {@code new ParameterizedTypeReference<List<String>>() {}}
	 * @return the result
	 * @throws io.github.dispatchspring.CallFailedException if the call ended with an error
	 */
	public <R> @Nullable R run(String function, @Nullable Object input, ParameterizedTypeReference<R> resultType) {
		DispatchId id = dispatch(function, input);
		runUntilIdle();
		return this.client.await(id, resultType, Duration.ZERO);
	}

	/**
	 * Runs every call that is due, moving the clock to the next due time whenever none is (a retry's
	 * backoff, a sleep, a poll's wait, an expiration), until no call will be due again.
	 * @throws IllegalStateException if calls keep running, as when a function retries or dispatches
	 * for ever
	 */
	public void runUntilIdle() {
		runThrough(null);
	}

	/**
	 * Moves the clock forward, running the calls that become due on the way, each at its due time.
	 * @param duration how far to move the clock
	 */
	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("The clock of the test kit only moves forward, not by " + duration);
		}
		Instant until = now().plus(duration);
		runThrough(until);
		this.clock.advanceTo(until);
	}

	/**
	 * Runs the calls due up to a time. Calls due but held back by the rate limit of their function
	 * are waited for in growing steps of the clock, up to {@link #MAX_HELD_BACK_STEP} at a time, as
	 * the store does not tell when its window lets them start.
	 */
	private synchronized void runThrough(@Nullable Instant until) {
		int runs = 0;
		Duration heldBack = Duration.ZERO;
		while (true) {
			while (this.scheduler.runNext()) {
				if (++runs > MAX_RUNS) {
					throw new IllegalStateException("Calls are still due after " + MAX_RUNS + " runs, at " + now()
							+ ": a function may retry or dispatch calls for ever; see kit.calls()");
				}
			}
			Instant next = this.scheduler.nextDue();
			if (next != null && !next.isAfter(now())) {
				heldBack = longerStep(heldBack);
				next = now().plus(heldBack);
			}
			else {
				heldBack = Duration.ZERO;
			}
			if (next == null || (until != null && next.isAfter(until))) {
				return;
			}
			this.clock.advanceTo(next);
		}
	}

	private static Duration longerStep(Duration step) {
		if (step.isZero()) {
			return Duration.ofMillis(1);
		}
		return (step.compareTo(MAX_HELD_BACK_STEP) < 0) ? step.multipliedBy(2) : MAX_HELD_BACK_STEP;
	}

	/**
	 * The time on the application's clock, which stands still until the kit moves it.
	 * @return the time
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Makes attempts of the function fail before it runs, with {@code TEMPORARY_ERROR} on every
	 * attempt unless the returned failure is narrowed.
	 * @param function the function's name
	 * @return the failure, to narrow
	 */
	public InjectedFailure fail(String function) {
		return this.failures.add(function);
	}

	/**
	 * The calls accepted since the kit was last reset, oldest first, a call before the calls it made;
	 * calls made together, as those of one {@code gather}, in no particular order.
	 * @return the calls
	 */
	public List<RecordedCall> calls() {
		return this.calls.of(null);
	}

	/**
	 * The calls of one function accepted since the kit was last reset, in the order of {@link #calls()}.
	 * @param function the function's name
	 * @return the calls
	 */
	public List<RecordedCall> calls(String function) {
		return this.calls.of(function);
	}

	/**
	 * Forgets the injected failures, cancels the calls that have not ended and deletes every call, so
	 * that the next test starts from an empty store. Done after each test method of a Spring test.
	 */
	public void reset() {
		this.failures.clear();
		this.calls.deleteAll();
	}

}
