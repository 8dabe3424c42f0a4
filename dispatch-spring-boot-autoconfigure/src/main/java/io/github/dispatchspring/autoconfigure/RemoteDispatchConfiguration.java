package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.RemoteCallSubmitter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends calls to the remote Dispatch API named by {@code dispatch.api-url}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "dispatch", name = "api-url")
final class RemoteDispatchConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallSubmitter dispatchCallSubmitter(DispatchProperties properties) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		return new RemoteCallSubmitter(httpClient, properties.getApiUrl(), properties.getApiKey(),
				properties.getClient().getRequestTimeout());
	}

}
