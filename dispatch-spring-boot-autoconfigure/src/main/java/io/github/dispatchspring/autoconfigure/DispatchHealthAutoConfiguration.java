package io.github.dispatchspring.autoconfigure;

import java.time.Clock;
import java.util.Locale;

import io.github.dispatchspring.observability.DispatchHealthIndicator;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.StoreStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code dispatch} health indicator of the embedded scheduler, when Spring
 * Boot's health support is present; {@code management.health.dispatch.enabled=false} turns it off.
 */
@AutoConfiguration(after = DispatchSchedulerAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(Health.class)
@ConditionalOnBean(EmbeddedScheduler.class)
@ConditionalOnEnabledHealthIndicator("dispatch")
@EnableConfigurationProperties({ DispatchProperties.class, DispatchHealthProperties.class })
public final class DispatchHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dispatchHealthIndicator")
	DispatchHealthIndicator dispatchHealthIndicator(EmbeddedScheduler scheduler, CallStore store,
			ObjectProvider<StoreStatistics> statistics, DispatchProperties properties,
			DispatchHealthProperties health, Clock clock) {
		ObservedStore observed = ObservedStore.of(store, statistics, properties);
		DispatchHealthIndicator.Thresholds thresholds = new DispatchHealthIndicator.Thresholds(health.getMaxDueAge(),
				health.getMaxDueCalls(), new Status(health.getBacklogStatus().toUpperCase(Locale.ROOT)));
		return new DispatchHealthIndicator(scheduler, observed.statistics(), observed.name(), thresholds, clock);
	}

}
