package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.function.RegisteredFunction;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The settings a function's {@link DispatchFunction} annotation gives it. An attribute that cannot
 * be used fails the application's start with a message naming the method.
 */
final class AnnotatedSettings {

	private AnnotatedSettings() {
	}

	/**
	 * The settings of a function's annotation.
	 * @param function the function
	 * @return its settings
	 */
	static FunctionSettings of(RegisteredFunction function) {
		DispatchFunction annotation = AnnotatedElementUtils.findMergedAnnotation(function.method(),
				DispatchFunction.class);
		if (annotation == null) {
			return FunctionSettings.NONE;
		}
		if (annotation.maxAttempts() < -1) {
			throw invalid(function, "maxAttempts", annotation.maxAttempts(), "attempts are at least 1, or 0 for no limit");
		}
		if (annotation.concurrency() < 0) {
			throw invalid(function, "concurrency", annotation.concurrency(), "a concurrency is at least 1");
		}
		List<String> noRetryFor = Arrays.stream(annotation.noRetryFor()).map(Class::getName).toList();
		return new FunctionSettings(null, null, null, (annotation.maxAttempts() >= 0) ? annotation.maxAttempts() : null,
				null, null, noRetryFor.isEmpty() ? null : noRetryFor,
				duration(function, "timeout", annotation.timeout()),
				duration(function, "expiration", annotation.expiration()),
				(annotation.concurrency() > 0) ? annotation.concurrency() : null, null, null,
				(annotation.priority() != Integer.MIN_VALUE) ? annotation.priority() : null);
	}

	private static @Nullable Duration duration(RegisteredFunction function, String attribute, String value) {
		if (value.isEmpty()) {
			return null;
		}
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(function, attribute, "\"" + value + "\"",
					"write a duration such as \"30s\", \"5m\", \"2h\" or \"PT1M30S\"");
		}
		if (duration.isNegative() || duration.isZero()) {
			throw invalid(function, attribute, "\"" + value + "\"", "it must be longer than 0");
		}
		return duration;
	}

	private static IllegalStateException invalid(RegisteredFunction function, String attribute, Object value,
			String reason) {
		return new IllegalStateException("@DispatchFunction(" + attribute + " = " + value + ") of function '"
				+ function.name() + "' on " + function.describe() + " cannot be used: " + reason);
	}

}
