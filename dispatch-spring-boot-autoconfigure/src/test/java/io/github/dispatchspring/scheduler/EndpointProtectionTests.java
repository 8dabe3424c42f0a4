package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EndpointProtection}: the Resilience4j circuit breaker and the adaptive concurrency
 * limit of each host, what they count and when the calls they turn away are due again.
 */
class EndpointProtectionTests {

	private static final URI ENDPOINT = URI.create("http://billing.internal:8080/dispatch.sdk.v1.FunctionService/Run");

	/** Long enough that no wait in these tests ends by time unless the test lets the clock run out. */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private static final EndpointProtection.CircuitBreakerSettings BREAKER = new EndpointProtection.CircuitBreakerSettings(
			50, 4, 4, Duration.ofSeconds(10), 1);

	/** Past the breaker's wait in the open state: it lets a probe through once the wait has passed. */
	private static final Duration PAST_WAIT = Duration.ofSeconds(10).plusMillis(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	@Test
	void opensTheBreakerOnFailuresToReachTheEndpointAndDefersCallsUntilItLetsAProbeThrough() {
		EndpointProtection protection = breakerOnly();
		for (int failure = 0; failure < 4; failure++) {
			protection.admit(ENDPOINT).finish(EndpointOutcome.unanswered(DispatchStatus.TCP_ERROR));
		}
		Instant openedAt = this.clock.instant();

		CallDeferredException deferred = deferred(protection);

		assertThat(deferred.dueAt()).isBetween(openedAt.plusSeconds(10), openedAt.plusSeconds(10).plus(MAX_WAIT.multipliedBy(2)));
		assertThat(deferred.getMessage()).contains("http://billing.internal:8080", "OPEN");
		assertThat(host(protection).circuitState()).isEqualTo("OPEN");
		assertThat(host(protection).deferredByCircuitBreaker()).isOne();
	}

	@Test
	void letsOneProbeThroughAfterTheWaitAndClosesWhenItSucceeds() {
		EndpointProtection protection = openBreaker();
		this.clock.advance(PAST_WAIT);

		EndpointPermit probe = protection.admit(ENDPOINT);
		assertThat(host(protection).circuitState()).isEqualTo("HALF_OPEN");
		deferred(protection);
		probe.finish(EndpointOutcome.answered(200, DispatchStatus.OK));

		assertThat(host(protection).circuitState()).isEqualTo("CLOSED");
		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(200, DispatchStatus.OK));
	}

	@Test
	void opensAgainWhenTheProbeFails() {
		EndpointProtection protection = openBreaker();
		this.clock.advance(PAST_WAIT);

		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(503, DispatchStatus.TEMPORARY_ERROR));

		assertThat(host(protection).circuitState()).isEqualTo("OPEN");
		assertThat(deferred(protection).dueAt()).isAfterOrEqualTo(this.clock.instant().plusSeconds(10));
	}

	@Test
	void countsHttpServerErrorsButNotTheErrorsAFunctionReturns() {
		EndpointProtection protection = breakerOnly();
		for (int call = 0; call < 10; call++) {
			protection.admit(ENDPOINT).finish(EndpointOutcome.answered(200, DispatchStatus.TEMPORARY_ERROR));
			protection.admit(ENDPOINT).finish(EndpointOutcome.answered(501, DispatchStatus.PERMANENT_ERROR));
			protection.admit(ENDPOINT).finish(EndpointOutcome.answered(429, DispatchStatus.THROTTLED));
		}
		assertThat(host(protection).circuitState()).isEqualTo("CLOSED");

		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(500, DispatchStatus.TEMPORARY_ERROR));
		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(503, DispatchStatus.TEMPORARY_ERROR));
		assertThat(host(protection).circuitState()).isEqualTo("OPEN");
	}

	@Test
	void givesBackThePermitOfACallThatWasNotSentWithoutCountingIt() {
		EndpointProtection protection = openBreaker();
		this.clock.advance(PAST_WAIT);

		protection.admit(ENDPOINT).finish(EndpointOutcome.NOT_SENT);

		assertThat(host(protection).circuitState()).isEqualTo("HALF_OPEN");
		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(200, DispatchStatus.OK));
		assertThat(host(protection).circuitState()).isEqualTo("CLOSED");
	}

	@Test
	void halvesTheLimitWhenTheEndpointPushesBackAndGrowsItAgainAsItServes() {
		EndpointProtection protection = limitOnly(4, MAX_WAIT);

		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(429, DispatchStatus.THROTTLED));
		assertThat(host(protection).concurrencyLimit()).isEqualTo(2);
		for (int pair = 0; pair < 2; pair++) {
			EndpointPermit first = protection.admit(ENDPOINT);
			EndpointPermit second = protection.admit(ENDPOINT);
			first.finish(EndpointOutcome.answered(200, DispatchStatus.OK));
			second.finish(EndpointOutcome.answered(200, DispatchStatus.PERMANENT_ERROR));
		}

		assertThat(host(protection).concurrencyLimit()).isEqualTo(3);
		assertThat(host(protection).runningCalls()).isZero();
	}

	@Test
	void halvesTheLimitOnAnswers503AndOnTimeoutsButNotOnTheTemporaryErrorsOfFunctions() {
		EndpointProtection protection = limitOnly(8, MAX_WAIT);

		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(200, DispatchStatus.TEMPORARY_ERROR));
		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(500, DispatchStatus.TEMPORARY_ERROR));
		assertThat(host(protection).concurrencyLimit()).isEqualTo(8);

		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(503, DispatchStatus.TEMPORARY_ERROR));
		assertThat(host(protection).concurrencyLimit()).isEqualTo(4);
		protection.admit(ENDPOINT).finish(EndpointOutcome.unanswered(DispatchStatus.TIMEOUT));
		assertThat(host(protection).concurrencyLimit()).isEqualTo(2);
	}

	@Test
	void letsACallWaitingForASlotGoWhenOneFrees() throws Exception {
		EndpointProtection protection = limitOnly(1, MAX_WAIT);
		EndpointPermit running = protection.admit(ENDPOINT);

		CompletableFuture<EndpointPermit> waiting = CompletableFuture.supplyAsync(() -> protection.admit(ENDPOINT));
		running.finish(EndpointOutcome.answered(200, DispatchStatus.OK));

		waiting.get(1, TimeUnit.MINUTES).finish(EndpointOutcome.answered(200, DispatchStatus.OK));
		assertThat(host(protection).deferredByConcurrencyLimit()).isZero();
	}

	@Test
	void defersACallOverTheLimitWhenNoSlotFreesWithinTheWait() {
		// the wait is one millisecond so that the test does not wait: its length does not matter here
		EndpointProtection protection = limitOnly(1, Duration.ofMillis(1));
		protection.admit(ENDPOINT);

		CallDeferredException deferred = deferred(protection);

		assertThat(deferred.dueAt()).isAfter(this.clock.instant());
		assertThat(deferred.getMessage()).contains("concurrency limit", "http://billing.internal:8080");
		assertThat(host(protection).deferredByConcurrencyLimit()).isOne();
	}

	@Test
	void givesTheBreakerPermissionBackWhenTheLimitDefersTheCall() {
		EndpointProtection protection = new EndpointProtection(new EndpointProtection.Settings(
				new EndpointProtection.CircuitBreakerSettings(50, 1, 1, Duration.ofSeconds(10), 1),
				new EndpointProtection.ConcurrencySettings(1, 1, 1), Duration.ofMillis(1)), this.clock);
		// the wait is one millisecond so that the test does not wait: its length does not matter here
		protection.admit(ENDPOINT).finish(EndpointOutcome.unanswered(DispatchStatus.TCP_ERROR));
		this.clock.advance(PAST_WAIT);
		EndpointPermit probe = protection.admit(ENDPOINT);
		probe.finish(EndpointOutcome.answered(200, DispatchStatus.OK));
		EndpointPermit running = protection.admit(ENDPOINT);

		deferred(protection);
		running.finish(EndpointOutcome.answered(200, DispatchStatus.OK));

		assertThat(host(protection).circuitState()).isEqualTo("CLOSED");
		protection.admit(ENDPOINT).finish(EndpointOutcome.answered(200, DispatchStatus.OK));
	}

	@Test
	void protectsEachHostOnItsOwnWhateverThePathAndCaseOfItsUrls() {
		EndpointProtection protection = openBreaker();

		deferred(protection, URI.create("HTTP://Billing.Internal:8080/other"));
		protection.admit(URI.create("http://billing.internal:8081/x")).finish(EndpointOutcome.NOT_SENT);
		protection.admit(URI.create("https://billing.internal/x")).finish(EndpointOutcome.NOT_SENT);

		assertThat(protection.hosts()).extracting(EndpointHost::host)
			.containsExactlyInAnyOrder("http://billing.internal:8080", "http://billing.internal:8081",
					"https://billing.internal:443");
	}

	@Test
	void admitsEveryCallWithoutProtection() {
		EndpointProtection protection = EndpointProtection.none();

		for (int call = 0; call < 100; call++) {
			protection.admit(ENDPOINT).finish(EndpointOutcome.unanswered(DispatchStatus.TCP_ERROR));
		}

		assertThat(protection.hosts()).isEmpty();
	}

	private EndpointProtection breakerOnly() {
		return new EndpointProtection(new EndpointProtection.Settings(BREAKER, null, MAX_WAIT), this.clock);
	}

	private EndpointProtection limitOnly(int initial, Duration maxWait) {
		return new EndpointProtection(
				new EndpointProtection.Settings(null, new EndpointProtection.ConcurrencySettings(initial, 1, 8), maxWait),
				this.clock);
	}

	private EndpointProtection openBreaker() {
		EndpointProtection protection = breakerOnly();
		for (int failure = 0; failure < 4; failure++) {
			protection.admit(ENDPOINT).finish(EndpointOutcome.unanswered(DispatchStatus.TIMEOUT));
		}
		assertThat(host(protection).circuitState()).isEqualTo("OPEN");
		return protection;
	}

	private static EndpointHost host(EndpointProtection protection) {
		return protection.hosts().stream()
			.filter((host) -> host.host().equals("http://billing.internal:8080"))
			.findFirst()
			.orElseThrow();
	}

	private static CallDeferredException deferred(EndpointProtection protection) {
		return deferred(protection, ENDPOINT);
	}

	private static CallDeferredException deferred(EndpointProtection protection, URI uri) {
		CallDeferredException[] thrown = new CallDeferredException[1];
		assertThatExceptionOfType(CallDeferredException.class).isThrownBy(() -> protection.admit(uri))
			.satisfies((ex) -> thrown[0] = ex);
		return thrown[0];
	}

}
