package io.github.dispatchspring.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.observability.DispatchEndpoint;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.StoreStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the actuator endpoint {@code dispatch}, when Spring Boot's actuator is present
 * and the endpoint is available ({@code management.endpoints.web.exposure.include=dispatch} exposes it
 * over HTTP).
 */
@AutoConfiguration(after = { DispatchFunctionAutoConfiguration.class, DispatchSchedulerAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(FunctionRegistry.class)
@ConditionalOnAvailableEndpoint(DispatchEndpoint.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DispatchEndpoint dispatchEndpoint(FunctionRegistry registry, ObjectProvider<EmbeddedScheduler> scheduler,
			ObjectProvider<CallStore> store, ObjectProvider<StoreStatistics> statistics, DispatchProperties properties,
			Clock clock) {
		EmbeddedScheduler embedded = scheduler.getIfAvailable();
		CallStore calls = store.getIfAvailable();
		DispatchEndpoint.Scheduler described = null;
		if (embedded != null && calls != null) {
			ObservedStore observed = ObservedStore.of(calls, statistics, properties);
			described = new DispatchEndpoint.Scheduler(embedded, calls, observed.statistics(), observed.name());
		}
		return new DispatchEndpoint(registry, functionSettings(properties), described, clock);
	}

	private static Map<String, Object> functionSettings(DispatchProperties properties) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		DispatchProperties.Retry retry = scheduler.getRetry();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("inProcess", scheduler.isInProcess());
		settings.put("retryInitialInterval", retry.getInitialInterval().toString());
		settings.put("retryMultiplier", retry.getMultiplier());
		settings.put("retryMaxInterval", retry.getMaxInterval().toString());
		settings.put("retryMaxAttempts", retry.getMaxAttempts());
		settings.put("expiration",
				(scheduler.getDefaultExpiration() != null) ? scheduler.getDefaultExpiration().toString() : null);
		return settings;
	}

}
