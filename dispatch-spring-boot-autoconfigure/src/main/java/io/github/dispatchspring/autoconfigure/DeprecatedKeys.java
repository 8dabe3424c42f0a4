package io.github.dispatchspring.autoconfigure;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The keys of function settings that moved from {@code dispatch.scheduler} to
 * {@code dispatch.defaults}: a deprecated key still applies where its replacement is not set, and
 * each one in use is logged with its replacement.
 */
final class DeprecatedKeys {

	private static final Log logger = LogFactory.getLog(DeprecatedKeys.class);

	private static final Map<String, String> REPLACEMENTS = Map.of("dispatch.scheduler.retry.initial-interval",
			"dispatch.defaults.retry.initial-interval", "dispatch.scheduler.retry.multiplier",
			"dispatch.defaults.retry.multiplier", "dispatch.scheduler.retry.max-interval",
			"dispatch.defaults.retry.max-interval", "dispatch.scheduler.retry.max-attempts",
			"dispatch.defaults.retry.max-attempts", "dispatch.scheduler.http-timeout", "dispatch.defaults.timeout",
			"dispatch.scheduler.default-expiration", "dispatch.defaults.expiration");

	private final Binder binder;

	DeprecatedKeys(Environment environment) {
		this.binder = Binder.get(environment);
	}

	/**
	 * Whether a key is set in the environment.
	 * @param key the key
	 * @return {@code true} if set
	 */
	private boolean isSet(String key) {
		return this.binder.bind(key, Bindable.of(String.class)).isBound();
	}

	/**
	 * Whether the replacement of a deprecated key is set, so that the deprecated key is ignored.
	 * @param deprecated the deprecated key
	 * @return {@code true} if its replacement is set
	 */
	boolean isReplaced(String deprecated) {
		return isSet(REPLACEMENTS.get(deprecated));
	}

	/**
	 * Logs a warning for each deprecated key that is set, naming its replacement and whether that
	 * replacement wins.
	 */
	void warnOfUse() {
		REPLACEMENTS.forEach((deprecated, replacement) -> {
			if (isSet(deprecated)) {
				logger.warn(deprecated + " is deprecated: set " + replacement + " instead"
						+ (isSet(replacement) ? " (which is set, so " + deprecated + " is ignored)" : ""));
			}
		});
	}

}
