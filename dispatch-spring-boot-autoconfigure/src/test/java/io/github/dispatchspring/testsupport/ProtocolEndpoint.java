package io.github.dispatchspring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.signature.SignedRequest;

/**
 * A Dispatch endpoint written against the protocol bytes alone, on the JDK's HTTP server: it parses
 * each {@code RunRequest} posted to {@code /dispatch.sdk.v1.FunctionService/Run} and answers what its
 * handler returns, as another service's endpoint would, several requests at once. It keeps each
 * request as a signature verifier sees it, for tests to check the signatures it carried.
 */
public final class ProtocolEndpoint implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final List<RunRequest> requests = new CopyOnWriteArrayList<>();

	private final List<SignedRequest> signedRequests = new CopyOnWriteArrayList<>();

	private ProtocolEndpoint(Function<RunRequest, Answer> handler) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/dispatch.sdk.v1.FunctionService/Run", (exchange) -> {
			try (exchange) {
				byte[] body = readBody(exchange);
				this.signedRequests.add(signedRequest(exchange, body));
				RunRequest request = RunRequest.parseFrom(body);
				this.requests.add(request);
				Answer answer = handler.apply(request);
				exchange.getResponseHeaders().set("Content-Type", answer.contentType());
				exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : answer.body().length);
				try (OutputStream output = exchange.getResponseBody()) {
					output.write(answer.body());
				}
			}
		});
		this.server.setExecutor(this.handlers);
		this.server.start();
	}

	/**
	 * Starts an endpoint.
	 * @param handler answers each run request
	 * @return the running endpoint
	 */
	public static ProtocolEndpoint start(Function<RunRequest, Answer> handler) {
		try {
			return new ProtocolEndpoint(handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The endpoint URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The run requests received so far.
	 * @return the requests, in arrival order
	 */
	public List<RunRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The requests received so far, with the method, path, host, headers and body a signature
	 * verifier checks.
	 * @return the requests, in arrival order
	 */
	public List<SignedRequest> signedRequests() {
		return List.copyOf(this.signedRequests);
	}

	/**
	 * The text a run request carries as its input.
	 * @param run the request
	 * @return the text
	 */
	public static String text(RunRequest run) {
		try {
			return run.getInput().unpack(StringValue.class).getValue();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	private static SignedRequest signedRequest(HttpExchange exchange, byte[] body) {
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
		return SignedRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestHeaders().getFirst("Host"), headers, body);
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream input = exchange.getRequestBody()) {
			return input.readAllBytes();
		}
	}

	/**
	 * What the endpoint answers.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type
	 * @param body the body
	 * @param chunked whether the body is sent chunked, without declaring its length
	 */
	public record Answer(int status, String contentType, byte[] body, boolean chunked) {

		public Answer(int status, String contentType, byte[] body) {
			this(status, contentType, body, false);
		}

		/**
		 * A run response.
		 * @param response the response
		 * @return the answer
		 */
		public static Answer of(io.github.dispatchspring.proto.RunResponse response) {
			return new Answer(200, "application/proto", response.toByteArray());
		}

	}

}
