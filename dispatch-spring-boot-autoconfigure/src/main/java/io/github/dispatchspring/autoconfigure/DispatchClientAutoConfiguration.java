package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.DefaultDispatchClient;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.proto.ValueCodec;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link DispatchClient}, over the embedded scheduler or a remote Dispatch
 * API, whichever submits the calls.
 */
@AutoConfiguration(after = { DispatchFunctionAutoConfiguration.class, DispatchSchedulerAutoConfiguration.class,
		DispatchRemoteAutoConfiguration.class })
@ConditionalOnBean(CallSubmitter.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DispatchClient dispatchClient(CallSubmitter submitter, ValueCodec codec, LocalEndpoint endpoint,
			FunctionRegistry registry, DispatchProperties properties) {
		return new DefaultDispatchClient(submitter, codec, endpoint, properties.getClient().getAwaitTimeout(),
				registry);
	}

}
