package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.observability.ObservedCallTracing;
import io.github.dispatchspring.scheduler.CallTracing;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the observations that carry each call's trace, when the application has an
 * {@link ObservationRegistry}: with a tracing bridge, a call's run continues the trace of the code that
 * dispatched it, in-process and over HTTP.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class DispatchObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallTracing dispatchCallTracing(ObservationRegistry registry) {
		return new ObservedCallTracing(registry);
	}

}
