package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.DefaultDispatchClient;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.function.DispatchFunctionDiscoverer;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.ValueCodec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of Dispatch: function discovery, the value codec and the {@link DispatchClient},
 * with the embedded scheduler or a remote Dispatch API, and the webhook.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(DispatchProperties.class)
@Import({ EmbeddedSchedulerConfiguration.class, RemoteDispatchConfiguration.class, DispatchWebhookConfiguration.class })
public final class DispatchAutoConfiguration {

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
			ObjectProvider<ChildCalls> childCalls, DispatchProperties properties) {
		return new FunctionRunner(registry, codec, childCalls.getIfAvailable(),
				properties.getMaxRequestSize().toBytes());
	}

	@Bean
	LocalEndpoint dispatchLocalEndpoint(DispatchProperties properties, Environment environment) {
		return new LocalEndpoint(properties.getEndpointUrl(), environment.getProperty("server.address", "localhost"),
				environment.getProperty("server.port", Integer.class, 8080));
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> dispatchLocalEndpointPort(LocalEndpoint endpoint) {
		return (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				endpoint.serverStarted(event.getWebServer().getPort());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchClient dispatchClient(CallSubmitter submitter, ValueCodec codec, LocalEndpoint endpoint,
			DispatchProperties properties) {
		return new DefaultDispatchClient(submitter, codec, endpoint, properties.getClient().getAwaitTimeout());
	}

}
