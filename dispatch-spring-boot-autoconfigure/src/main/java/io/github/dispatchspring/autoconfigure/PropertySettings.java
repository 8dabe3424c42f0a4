package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The settings of functions as properties give them, under {@code dispatch.functions.<name>} or
 * {@code dispatch.defaults}, checked: a value out of range fails the application's start with a
 * message naming its property.
 */
final class PropertySettings {

	private static final Duration SMALLEST_INTERVAL = Duration.ofMillis(1);

	private final String prefix;

	private PropertySettings(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The settings of one function.
	 * @param name the function's name
	 * @param function its properties
	 * @return its settings
	 */
	static FunctionSettings of(String name, DispatchProperties.Function function) {
		PropertySettings settings = new PropertySettings("dispatch.functions." + key(name));
		DispatchProperties.FunctionRetry retry = function.getRetry();
		DispatchProperties.RateLimit rateLimit = function.getRateLimit();
		return new FunctionSettings(settings.interval("retry.initial-interval", retry.getInitialInterval()),
				settings.multiplier(retry.getMultiplier()),
				settings.interval("retry.max-interval", retry.getMaxInterval()),
				settings.maxAttempts(retry.getMaxAttempts()), settings.jitter(retry.getJitter()),
				settings.statuses(retry.getNoRetryStatuses()), retry.getNoRetryErrors(),
				settings.positive("timeout", function.getTimeout()),
				settings.positive("expiration", function.getExpiration()),
				settings.positive("concurrency", function.getConcurrency()),
				settings.positive("rate-limit.limit", rateLimit.getLimit()),
				settings.positive("rate-limit.period", rateLimit.getPeriod()), function.getPriority());
	}

	/**
	 * The settings every function has unless it sets its own.
	 * @param defaults the properties under {@code dispatch.defaults}, with the deprecated keys applied
	 * @return the settings
	 */
	static FunctionSettings defaults(DispatchProperties.Defaults defaults) {
		PropertySettings settings = new PropertySettings("dispatch.defaults");
		DispatchProperties.Retry retry = defaults.getRetry();
		return new FunctionSettings(settings.interval("retry.initial-interval", retry.getInitialInterval()),
				settings.multiplier(retry.getMultiplier()),
				settings.interval("retry.max-interval", retry.getMaxInterval()),
				settings.maxAttempts(retry.getMaxAttempts()), settings.jitter(retry.getJitter()),
				settings.statuses(retry.getNoRetryStatuses()), List.copyOf(retry.getNoRetryErrors()),
				settings.positive("timeout", defaults.getTimeout()),
				settings.positive("expiration", defaults.getExpiration()), null, null, null, null);
	}

	/**
	 * The settings of the deprecated keys under {@code dispatch.scheduler} that replaced keys under
	 * {@code dispatch.defaults} do not set.
	 * @param scheduler the scheduler's properties
	 * @param replaced whether the replacement of a deprecated key is set, by the deprecated key's name
	 * @return the settings of the deprecated keys still in use
	 */
	@SuppressWarnings("deprecation")
	static FunctionSettings deprecated(DispatchProperties.Scheduler scheduler, Predicate<String> replaced) {
		PropertySettings settings = new PropertySettings("dispatch.scheduler");
		DispatchProperties.SchedulerRetry retry = scheduler.getRetry();
		return new FunctionSettings(
				settings.interval("retry.initial-interval",
						unlessReplaced(retry.getInitialInterval(), "retry.initial-interval", replaced)),
				settings.multiplier(unlessReplaced(retry.getMultiplier(), "retry.multiplier", replaced)),
				settings.interval("retry.max-interval",
						unlessReplaced(retry.getMaxInterval(), "retry.max-interval", replaced)),
				settings.maxAttempts(unlessReplaced(retry.getMaxAttempts(), "retry.max-attempts", replaced)), null,
				null, null, settings.positive("http-timeout",
						unlessReplaced(scheduler.getHttpTimeout(), "http-timeout", replaced)),
				settings.positive("default-expiration",
						unlessReplaced(scheduler.getDefaultExpiration(), "default-expiration", replaced)),
				null, null, null, null);
	}

	private static <T> @Nullable T unlessReplaced(@Nullable T value, String key, Predicate<String> replaced) {
		return (value != null && !replaced.test("dispatch.scheduler." + key)) ? value : null;
	}

	/**
	 * The key of a function's name in a property: in brackets when it has characters that a key
	 * cannot have bare.
	 */
	private static String key(String name) {
		return name.matches("[a-z0-9-]+") ? name : "[" + name + "]";
	}

	private @Nullable Duration interval(String key, @Nullable Duration interval) {
		if (interval != null && interval.compareTo(SMALLEST_INTERVAL) < 0) {
			throw invalid(key, interval, "An interval between attempts is at least 1ms");
		}
		return interval;
	}

	private @Nullable Double multiplier(@Nullable Double multiplier) {
		if (multiplier != null && !(multiplier >= 1)) {
			throw invalid("retry.multiplier", multiplier, "The delay between attempts may only grow: a multiplier "
					+ "is at least 1");
		}
		return multiplier;
	}

	private @Nullable Integer maxAttempts(@Nullable Integer maxAttempts) {
		if (maxAttempts != null && maxAttempts < 0) {
			throw invalid("retry.max-attempts", maxAttempts, "Attempts are at least 1, or 0 for no limit");
		}
		return maxAttempts;
	}

	private @Nullable Double jitter(@Nullable Double jitter) {
		if (jitter != null && !(jitter >= 0 && jitter <= 1)) {
			throw invalid("retry.jitter", jitter, "A jitter is a randomization factor from 0 to 1");
		}
		return jitter;
	}

	private @Nullable List<DispatchStatus> statuses(@Nullable List<DispatchStatus> statuses) {
		if (statuses != null && statuses.contains(DispatchStatus.OK)) {
			throw invalid("retry.no-retry-statuses", statuses, "OK is not a failure; list statuses of failures");
		}
		return (statuses != null) ? List.copyOf(statuses) : null;
	}

	private @Nullable Duration positive(String key, @Nullable Duration duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw invalid(key, duration, "It must be longer than 0");
		}
		return duration;
	}

	private @Nullable Integer positive(String key, @Nullable Integer value) {
		if (value != null && value <= 0) {
			throw invalid(key, value, "It must be at least 1; leave it out for no limit");
		}
		return value;
	}

	private InvalidConfigurationPropertyValueException invalid(String key, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(this.prefix + "." + key, value, reason);
	}

}
