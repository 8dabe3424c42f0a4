package io.github.dispatchspring.autoconfigure;

import java.time.Duration;

import io.github.dispatchspring.wire.WireExchange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the webhook and the Dispatch API share: bounded, admitted reading of request bodies.
 */
@Configuration(proxyBeanMethods = false)
final class WireConfiguration {

	private static final Duration READ_WAIT = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean
	WireExchange dispatchWireExchange(DispatchProperties properties) {
		return new WireExchange(properties.getMaxRequestSize(), properties.getMaxConcurrentReads(), READ_WAIT);
	}

}
