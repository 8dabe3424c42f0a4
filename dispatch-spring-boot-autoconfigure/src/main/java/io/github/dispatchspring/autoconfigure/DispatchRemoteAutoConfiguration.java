package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.RemoteCallSubmitter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration that sends calls to the remote Dispatch API named by {@code dispatch.api-url},
 * instead of running the embedded scheduler.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class)
@Conditional(OnTextPropertyCondition.RemoteApi.class)
@Import(HttpClientConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchRemoteAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallSubmitter dispatchCallSubmitter(DispatchProperties properties, HttpClient httpClient) {
		return new RemoteCallSubmitter(httpClient, properties.getApiUrl(), properties.getApiKey(),
				properties.getClient().getRequestTimeout());
	}

}
