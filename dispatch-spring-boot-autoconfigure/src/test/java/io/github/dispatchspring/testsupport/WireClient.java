package io.github.dispatchspring.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a server on this machine the way a Dispatch scheduler or client does: binary protocol
 * messages over real HTTP.
 */
public final class WireClient {

	private static final JsonMapper json = new JsonMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final @Nullable RequestSigner signer;

	public WireClient(int port) {
		this("http://localhost:" + port, null);
	}

	private WireClient(String baseUrl, @Nullable RequestSigner signer) {
		this.baseUrl = baseUrl;
		this.signer = signer;
	}

	/**
	 * A client that signs every request it sends the way a Dispatch scheduler does.
	 * @param keys the key pair to sign with
	 * @return the signing client
	 */
	public WireClient signingWith(SigningKeyPair keys) {
		return new WireClient(this.baseUrl, new RequestSigner(keys.signingKey(), Clock.systemUTC()));
	}

	/**
	 * The server's base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Posts a binary protocol message as {@code application/proto}.
	 * @param path the path
	 * @param message the message
	 * @param headers further headers, as name and value pairs
	 * @return the response
	 */
	public HttpResponse<byte[]> post(String path, Message message, String... headers) {
		return post(path, message.toByteArray(), "application/proto", headers);
	}

	/**
	 * Posts a body with the given content type and a declared length.
	 * @param path the path
	 * @param body the body
	 * @param contentType the content type
	 * @param headers further headers, as name and value pairs
	 * @return the response
	 */
	public HttpResponse<byte[]> post(String path, byte[] body, String contentType, String... headers) {
		HttpRequest.Builder request = request(path, contentType, headers);
		if (this.signer != null) {
			this.signer.sign("POST", URI.create(this.baseUrl + path), contentType, body).asMap().forEach(request::header);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Posts a body chunked, without declaring its length.
	 * @param path the path
	 * @param body the body
	 * @return the response
	 */
	public HttpResponse<byte[]> postChunked(String path, byte[] body) {
		HttpRequest.Builder request = request(path, "application/proto");
		if (this.signer != null) {
			this.signer.sign("POST", URI.create(this.baseUrl + path), "application/proto", body)
				.asMap()
				.forEach(request::header);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
	}

	/**
	 * Submits one call to the Dispatch API and waits for its result, as a Dispatch client does.
	 * @param call the call
	 * @param headers further headers of both requests, as name and value pairs
	 * @return the call's result
	 */
	public CallResult dispatchAndWait(Call call, String... headers) {
		HttpResponse<byte[]> dispatched = post("/dispatch.sdk.v1.DispatchService/Dispatch",
				DispatchRequest.newBuilder().addCalls(call).build(), headers);
		if (dispatched.statusCode() != 200) {
			throw new IllegalStateException("Dispatch answered " + dispatched.statusCode());
		}
		String id = message(dispatched, DispatchResponse.parser()).getDispatchIds(0);
		HttpResponse<byte[]> waited = post("/dispatch.sdk.v1.DispatchService/Wait",
				id.getBytes(StandardCharsets.UTF_8), "text/plain", headers);
		if (waited.statusCode() != 200) {
			throw new IllegalStateException("Wait answered " + waited.statusCode());
		}
		return message(waited, CallResult.parser());
	}

	/**
	 * Sends a GET request.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<byte[]> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	private HttpRequest.Builder request(String path, String contentType, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a binary protocol message from a response body.
	 * @param response the response
	 * @param parser the message's parser
	 * @param <M> the message type
	 * @return the message
	 */
	public static <M extends Message> M message(HttpResponse<byte[]> response, Parser<M> parser) {
		try {
			return parser.parseFrom(response.body());
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("The response is not a protocol message", ex);
		}
	}

	/**
	 * Reads a Connect error from a response body.
	 * @param response the response
	 * @return the {@code code} and {@code message} of the error
	 */
	public static Map<String, String> error(HttpResponse<byte[]> response) {
		return json.readValue(response.body(), new TypeReference<Map<String, String>>() {
		});
	}

	/**
	 * The response's content type.
	 * @param response the response
	 * @return the header value, or the empty string
	 */
	public static String contentType(HttpResponse<byte[]> response) {
		return response.headers().firstValue("Content-Type").orElse("");
	}

}
