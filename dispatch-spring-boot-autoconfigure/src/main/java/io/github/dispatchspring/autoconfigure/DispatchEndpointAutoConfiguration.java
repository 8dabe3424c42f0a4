package io.github.dispatchspring.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.observability.DispatchEndpoint;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;
import io.github.dispatchspring.scheduler.RetryPolicy;
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
			ObjectProvider<CallStore> store, ObjectProvider<StoreStatistics> statistics,
			ObjectProvider<FunctionPolicies> policies, DispatchProperties properties, Clock clock) {
		EmbeddedScheduler embedded = scheduler.getIfAvailable();
		CallStore calls = store.getIfAvailable();
		DispatchEndpoint.Scheduler described = null;
		if (embedded != null && calls != null) {
			ObservedStore observed = ObservedStore.of(calls, statistics, properties);
			described = new DispatchEndpoint.Scheduler(embedded, calls, observed.statistics(), observed.name());
		}
		FunctionPolicies functionPolicies = policies.getIfAvailable();
		boolean inProcess = properties.getScheduler().isInProcess();
		return new DispatchEndpoint(registry, (name) -> (functionPolicies != null)
				? settings(functionPolicies.of(name), inProcess) : Map.of(), described, clock);
	}

	private static Map<String, Object> settings(FunctionPolicy policy, boolean inProcess) {
		RetryPolicy retry = policy.retry();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("inProcess", inProcess);
		settings.put("retryInitialInterval", retry.initialInterval().toString());
		settings.put("retryMultiplier", retry.multiplier());
		settings.put("retryMaxInterval", retry.maxInterval().toString());
		settings.put("retryMaxAttempts", retry.maxAttempts());
		settings.put("retryJitter", retry.jitter());
		settings.put("noRetryStatuses", retry.noRetryStatuses().stream().map(Enum::name).sorted().toList());
		settings.put("noRetryErrors", retry.noRetryErrors());
		settings.put("timeout", policy.timeout().toString());
		settings.put("expiration", (policy.expiration() != null) ? policy.expiration().toString() : null);
		settings.put("concurrency", policy.concurrency());
		FunctionPolicy.RateLimit rateLimit = policy.rateLimit();
		settings.put("rateLimit", (rateLimit != null) ? rateLimit.starts() : null);
		settings.put("rateLimitPeriod", (rateLimit != null) ? rateLimit.period().toString() : null);
		settings.put("priority", policy.priority());
		return settings;
	}

}
