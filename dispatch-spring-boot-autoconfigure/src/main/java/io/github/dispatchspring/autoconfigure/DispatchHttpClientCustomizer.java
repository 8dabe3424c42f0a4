package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;

/**
 * Tunes the HTTP client that the embedded scheduler calls endpoints with and that the client sends
 * calls to a remote Dispatch API with, for example its proxy, executor or TLS context. Declare beans
 * of this type; they are applied in their order. The client follows no redirects unless a customizer
 * changes that.
 */
@FunctionalInterface
public interface DispatchHttpClientCustomizer {

	/**
	 * Customizes the builder before the client is built.
	 * @param builder the builder
	 */
	void customize(HttpClient.Builder builder);

}
