package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.scheduler.EmbeddedScheduler;

/**
 * Tunes the embedded scheduler's settings after they are read from {@code dispatch.scheduler.*},
 * for example to size its concurrency from the machine: declare beans of this type; they are
 * applied in their order.
 */
@FunctionalInterface
public interface DispatchSchedulerCustomizer {

	/**
	 * Customizes the settings.
	 * @param settings the settings so far
	 * @return the settings to use, for example {@code settings.withConcurrency(128)}
	 */
	EmbeddedScheduler.Settings customize(EmbeddedScheduler.Settings settings);

}
