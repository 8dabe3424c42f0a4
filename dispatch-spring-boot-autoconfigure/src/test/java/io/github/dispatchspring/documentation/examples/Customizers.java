package io.github.dispatchspring.documentation.examples;

import java.net.InetSocketAddress;
import java.net.ProxySelector;

import io.github.dispatchspring.autoconfigure.DispatchHttpClientCustomizer;
import io.github.dispatchspring.autoconfigure.DispatchSchedulerCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customizers of "Replacing and tuning parts".
 */
@Configuration(proxyBeanMethods = false)
class Customizers {

	@Bean
	DispatchHttpClientCustomizer proxy() {
		return (builder) -> builder.proxy(ProxySelector.of(new InetSocketAddress("proxy.internal", 3128)));
	}

	@Bean
	DispatchSchedulerCustomizer concurrency() {
		return (settings) -> settings.withConcurrency(16 * Runtime.getRuntime().availableProcessors());
	}

}
