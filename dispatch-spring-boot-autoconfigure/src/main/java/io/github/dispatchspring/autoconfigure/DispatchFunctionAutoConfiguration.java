package io.github.dispatchspring.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.function.DispatchFunctionDiscoverer;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.wire.HttpClientErrorStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of what every Dispatch application has: the {@link DispatchFunction} methods
 * found among its beans, the value codec, the runner of functions (with the application's
 * {@link DispatchExceptionMapper} beans, then the statuses of Spring's HTTP client exceptions when
 * Spring Web is present), this application's endpoint and the clock of the scheduler and the webhook.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchFunctionAutoConfiguration {

	private static final String SPRING_HTTP_CLIENTS = "org.springframework.web.client.RestClientResponseException";

	@Bean
	@ConditionalOnMissingBean
	Clock dispatchClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	ValueCodec dispatchValueCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new ValueCodec(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRegistry dispatchFunctionRegistry() {
		return new FunctionRegistry();
	}

	@Bean
	DispatchFunctionDiscoverer dispatchFunctionDiscoverer(ConfigurableListableBeanFactory beanFactory,
			FunctionRegistry registry) {
		return new DispatchFunctionDiscoverer(beanFactory, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRunner dispatchFunctionRunner(FunctionRegistry registry, ValueCodec codec,
			ObjectProvider<ChildCalls> childCalls, DispatchProperties properties, Clock clock,
			ObjectProvider<DispatchExceptionMapper> mappers) {
		List<DispatchExceptionMapper> ordered = new ArrayList<>(mappers.orderedStream().toList());
		if (ClassUtils.isPresent(SPRING_HTTP_CLIENTS, DispatchFunctionAutoConfiguration.class.getClassLoader())) {
			ordered.add(new HttpClientErrorStatus());
		}
		return new FunctionRunner(registry, codec, childCalls.getIfAvailable(),
				properties.getMaxRequestSize().toBytes(), clock, ordered);
	}

	@Bean
	@ConditionalOnMissingBean
	LocalEndpoint dispatchLocalEndpoint(DispatchProperties properties, Environment environment) {
		return new LocalEndpoint(properties.getEndpointUrl(), environment.getProperty("server.address", "localhost"),
				environment.getProperty("server.port", Integer.class, 8080));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerInitializedEvent.class)
	static final class LocalEndpointPortConfiguration {

		@Bean
		ApplicationListener<WebServerInitializedEvent> dispatchLocalEndpointPort(LocalEndpoint endpoint) {
			return (event) -> {
				if (event.getApplicationContext().getServerNamespace() == null) {
					endpoint.serverStarted(event.getWebServer().getPort());
				}
			};
		}

	}

}
