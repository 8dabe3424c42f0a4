package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import io.github.dispatchspring.observability.EndpointGauges;
import io.github.dispatchspring.observability.RequestMetrics;
import io.github.dispatchspring.observability.SchedulerGauges;
import io.github.dispatchspring.observability.SchedulerMetrics;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.EndpointProtection;
import io.github.dispatchspring.scheduler.SchedulerEvents;
import io.github.dispatchspring.scheduler.StoreStatistics;
import io.github.dispatchspring.wire.RequestOutcomes;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Dispatch's Micrometer meters, when the application has a {@link MeterRegistry}:
 * the scheduler's counters, timers and gauges, those of the endpoint hosts it calls, and the requests to the webhook and the Dispatch API.
 */
@AutoConfiguration(after = DispatchSchedulerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestOutcomes dispatchRequestMetrics(MeterRegistry registry) {
		return new RequestMetrics(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(EmbeddedScheduler.class)
	static final class SchedulerMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SchedulerEvents dispatchSchedulerMetrics(MeterRegistry registry, CallStore store,
				DispatchProperties properties) {
			return new SchedulerMetrics(registry, ObservedStore.name(store, properties));
		}

		@Bean
		@ConditionalOnMissingBean
		SchedulerGauges dispatchSchedulerGauges(EmbeddedScheduler scheduler, CallStore store,
				ObjectProvider<StoreStatistics> statistics, DispatchProperties properties, Clock clock) {
			ObservedStore observed = ObservedStore.of(store, statistics, properties);
			return new SchedulerGauges(scheduler, observed.statistics(), observed.name(), clock);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(EndpointProtection.class)
		EndpointGauges dispatchEndpointGauges(EndpointProtection protection) {
			return new EndpointGauges(protection);
		}

	}

}
