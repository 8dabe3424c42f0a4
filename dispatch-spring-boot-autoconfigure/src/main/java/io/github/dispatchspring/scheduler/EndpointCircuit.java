package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The Resilience4j circuit breaker of one endpoint host, which knows when it lets a probe through
 * again and logs each change of its state.
 */
final class EndpointCircuit {

	private static final Log logger = LogFactory.getLog(EndpointCircuit.class);

	private static final Throwable FAILURE = new EndpointFailure();

	private final String host;

	private final CircuitBreaker breaker;

	private final Duration waitInOpenState;

	private final Clock clock;

	private volatile Instant openedAt = Instant.MIN;

	/**
	 * Creates the circuit breaker of a host.
	 * @param host the host, as {@code scheme://host:port}
	 * @param settings when the breaker opens and how it probes
	 * @param clock the clock, which the breaker reads too
	 */
	EndpointCircuit(String host, EndpointProtection.CircuitBreakerSettings settings, Clock clock) {
		this.host = host;
		this.waitInOpenState = settings.waitInOpenState();
		this.clock = clock;
		this.breaker = CircuitBreaker.of("dispatch-endpoint " + host, CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindow(settings.slidingWindowSize(), settings.minimumNumberOfCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.waitDurationInOpenState(settings.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
			.clock(clock)
			.build());
		this.breaker.getEventPublisher().onStateTransition(this::changed);
	}

	private void changed(CircuitBreakerOnStateTransitionEvent event) {
		switch (event.getStateTransition().getToState()) {
			case OPEN -> {
				this.openedAt = this.clock.instant();
				logger.warn("Circuit breaker of calls to " + this.host + " opened (" + failureRate()
						+ "% of the last calls failed): its calls wait " + this.waitInOpenState.toMillis()
						+ " ms, without using attempts, then a probe goes through");
			}
			case HALF_OPEN -> logger.info("Circuit breaker of calls to " + this.host + " half-open: probing the endpoint");
			case CLOSED -> logger.info("Circuit breaker of calls to " + this.host + " closed: calls go through again");
			default -> logger.info("Circuit breaker of calls to " + this.host + ": " + event.getStateTransition());
		}
	}

	private String failureRate() {
		float rate = this.breaker.getMetrics().getFailureRate();
		return (rate >= 0) ? Integer.toString(Math.round(rate)) : "most";
	}

	/**
	 * Asks for a permission to send a call.
	 * @return whether the call may go
	 */
	boolean tryAcquire() {
		return this.breaker.tryAcquirePermission();
	}

	/** Gives back a permission whose call was not sent. */
	void release() {
		this.breaker.releasePermission();
	}

	/**
	 * Records how a call that had a permission went.
	 * @param failed whether the endpoint failed it
	 * @param nanos how long it took
	 */
	void record(boolean failed, long nanos) {
		if (failed) {
			this.breaker.onError(nanos, TimeUnit.NANOSECONDS, FAILURE);
		}
		else {
			this.breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * When the breaker lets a probe through again, if it is open.
	 * @return the time, or {@code null} if it is not open
	 */
	@Nullable Instant reopensAt() {
		return (this.breaker.getState() == CircuitBreaker.State.OPEN) ? this.openedAt.plus(this.waitInOpenState) : null;
	}

	/**
	 * The breaker's state.
	 * @return the state
	 */
	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/** What the breaker records as the error of a failed exchange. */
	private static final class EndpointFailure extends RuntimeException {

		EndpointFailure() {
			super("the endpoint failed", null, false, false);
		}

	}

}
