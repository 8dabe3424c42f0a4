package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client of the scheduler's calls to endpoints and of the remote Dispatch API's client.
 */
@Configuration(proxyBeanMethods = false)
final class HttpClientConfiguration {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean
	HttpClient dispatchHttpClient(ObjectProvider<DispatchHttpClientCustomizer> customizers) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
