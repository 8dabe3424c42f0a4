package io.github.dispatchspring.autoconfigure;

import java.time.Duration;

import io.github.dispatchspring.scheduler.EndpointProtection;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Reads the protection of endpoints from {@code dispatch.scheduler.endpoints.*}, refusing values
 * that make no sense with an error naming the property.
 */
final class EndpointProtectionSettings {

	private static final String PREFIX = "dispatch.scheduler.endpoints.";

	private EndpointProtectionSettings() {
	}

	/**
	 * The settings the properties give.
	 * @param endpoints the properties
	 * @return the settings
	 * @throws InvalidConfigurationPropertyValueException if a value makes no sense
	 */
	static EndpointProtection.Settings of(DispatchProperties.Endpoints endpoints) {
		positive("max-wait", endpoints.getMaxWait());
		return new EndpointProtection.Settings(circuitBreaker(endpoints.getCircuitBreaker()),
				concurrency(endpoints.getAdaptiveConcurrency()), endpoints.getMaxWait());
	}

	private static EndpointProtection.@Nullable CircuitBreakerSettings circuitBreaker(DispatchProperties.CircuitBreaker breaker) {
		if (!breaker.isEnabled()) {
			return null;
		}
		float threshold = breaker.getFailureRateThreshold();
		if (!(threshold > 0 && threshold <= 100)) {
			throw invalid("circuit-breaker.failure-rate-threshold", threshold, "it is a percentage above 0, at most 100");
		}
		atLeastOne("circuit-breaker.minimum-number-of-calls", breaker.getMinimumNumberOfCalls());
		atLeastOne("circuit-breaker.sliding-window-size", breaker.getSlidingWindowSize());
		atLeastOne("circuit-breaker.permitted-calls-in-half-open-state", breaker.getPermittedCallsInHalfOpenState());
		positive("circuit-breaker.wait-in-open-state", breaker.getWaitInOpenState());
		return new EndpointProtection.CircuitBreakerSettings(threshold, breaker.getMinimumNumberOfCalls(),
				breaker.getSlidingWindowSize(), breaker.getWaitInOpenState(), breaker.getPermittedCallsInHalfOpenState());
	}

	private static EndpointProtection.@Nullable ConcurrencySettings concurrency(DispatchProperties.AdaptiveConcurrency limit) {
		if (!limit.isEnabled()) {
			return null;
		}
		atLeastOne("adaptive-concurrency.min", limit.getMin());
		if (limit.getMax() < limit.getMin()) {
			throw invalid("adaptive-concurrency.max", limit.getMax(),
					"it is at least adaptive-concurrency.min (" + limit.getMin() + ")");
		}
		if (limit.getInitial() < limit.getMin() || limit.getInitial() > limit.getMax()) {
			throw invalid("adaptive-concurrency.initial", limit.getInitial(),
					"it is between adaptive-concurrency.min (" + limit.getMin() + ") and adaptive-concurrency.max ("
							+ limit.getMax() + ")");
		}
		return new EndpointProtection.ConcurrencySettings(limit.getInitial(), limit.getMin(), limit.getMax());
	}

	private static void atLeastOne(String property, int value) {
		if (value < 1) {
			throw invalid(property, value, "it is at least 1");
		}
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, value, "it is a positive duration");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + property, value, reason);
	}

}
