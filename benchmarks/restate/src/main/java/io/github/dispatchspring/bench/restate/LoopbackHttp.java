package io.github.dispatchspring.bench.restate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small HTTP requests to the local Restate server, each with a time limit. */
final class LoopbackHttp {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client =
			HttpClient.newBuilder()
					.connectTimeout(CONNECT_TIMEOUT)
					.proxy(HttpClient.Builder.NO_PROXY)
					.build();

	/** The status of a GET, or -1 when nothing answered. */
	int status(URI uri) throws InterruptedException {
		try {
			var request = HttpRequest.newBuilder(uri).timeout(CONNECT_TIMEOUT).GET().build();
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException notListening) {
			return -1;
		}
	}

	HttpResponse<String> postJson(URI uri, String json) throws IOException, InterruptedException {
		var request =
				HttpRequest.newBuilder(uri)
						.timeout(REQUEST_TIMEOUT)
						.header("content-type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
