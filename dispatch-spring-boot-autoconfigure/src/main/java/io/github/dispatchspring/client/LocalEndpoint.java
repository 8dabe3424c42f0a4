package io.github.dispatchspring.client;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The URL of this application's Dispatch endpoint: the configured one, or the application's own
 * server address once the web server has started.
 */
public final class LocalEndpoint implements Supplier<String> {

	private final boolean configured;

	private volatile String url;

	private final String host;

	/**
	 * Creates the endpoint.
	 * @param configuredUrl the configured URL, or {@code null}
	 * @param host the host the web server is reached at
	 * @param defaultPort the port assumed until the web server reports its own
	 */
	public LocalEndpoint(@Nullable String configuredUrl, String host, int defaultPort) {
		this.configured = configuredUrl != null && !configuredUrl.isBlank();
		this.host = host;
		this.url = this.configured ? configuredUrl : "http://" + host + ":" + defaultPort;
	}

	/**
	 * Sets the URL from the port the web server listens on, unless one was configured.
	 * @param port the server port
	 */
	public void serverStarted(int port) {
		if (!this.configured) {
			this.url = "http://" + this.host + ":" + port;
		}
	}

	@Override
	public String get() {
		return this.url;
	}

}
