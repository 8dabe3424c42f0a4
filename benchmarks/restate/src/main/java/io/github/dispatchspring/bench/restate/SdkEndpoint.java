package io.github.dispatchspring.bench.restate;

import dev.restate.sdk.endpoint.Endpoint;
import dev.restate.sdk.endpoint.definition.InvocationRetryPolicy;
import dev.restate.sdk.http.vertx.RestateHttpServer;
import io.github.dispatchspring.bench.common.LoopbackPorts;
import io.github.dispatchspring.bench.common.WorkloadParameters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The Restate Java SDK endpoint serving {@link Parent} and {@link Child} over HTTP/2 on
 * 127.0.0.1. The child's invocations are retried with the shared retry policy.
 */
final class SdkEndpoint implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 30;

	private final Vertx vertx;
	private final HttpServer server;

	private SdkEndpoint(Vertx vertx, HttpServer server) {
		this.vertx = vertx;
		this.server = server;
	}

	static SdkEndpoint start(WorkloadParameters parameters) throws Exception {
		var endpoint =
				Endpoint.builder()
						.bind(new Parent())
						.bind(new Child(), child -> child.invocationRetryPolicy(retryPolicy(parameters)))
						.build();
		var options =
				new HttpServerOptions()
						.setHost(LoopbackPorts.HOST)
						.setPort(0)
						.setInitialSettings(new Http2Settings().setMaxConcurrentStreams(Integer.MAX_VALUE));
		var vertx = Vertx.vertx();
		var server = RestateHttpServer.fromEndpoint(vertx, endpoint, options);
		try {
			await(server.listen());
		} catch (Exception e) {
			vertx.close();
			throw e;
		}
		return new SdkEndpoint(vertx, server);
	}

	URI uri() {
		return URI.create("http://" + LoopbackPorts.HOST + ":" + server.actualPort());
	}

	@Override
	public void close() throws Exception {
		try {
			await(server.close());
		} finally {
			await(vertx.close());
		}
	}

	private static <T> T await(Future<T> future) throws Exception {
		return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private static InvocationRetryPolicy.Builder retryPolicy(WorkloadParameters parameters) {
		return InvocationRetryPolicy.builder()
				.initialInterval(parameters.retryInitialInterval())
				.exponentiationFactor(parameters.retryMultiplier())
				.maxAttempts(parameters.retryMaxAttempts())
				.onMaxAttempts(InvocationRetryPolicy.OnMaxAttempts.KILL);
	}
}
