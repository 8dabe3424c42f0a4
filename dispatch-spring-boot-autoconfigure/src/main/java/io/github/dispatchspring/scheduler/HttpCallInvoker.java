package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.function.ErrorStatus;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;

/**
 * Runs calls at their endpoint over HTTP: {@code POST /dispatch.sdk.v1.FunctionService/Run} with the
 * binary request. An answer that is not a run response maps to a status by its HTTP code; a failure
 * to connect maps to a network status, which the scheduler retries.
 */
public final class HttpCallInvoker implements CallInvoker {

	static final String PATH = "/dispatch.sdk.v1.FunctionService/Run";

	private static final String CONTENT_TYPE = "application/proto";

	private final HttpClient client;

	private final Duration timeout;

	private final EndpointRequestSigner signer;

	public HttpCallInvoker(HttpClient client, Duration timeout, EndpointRequestSigner signer) {
		this.client = client;
		this.timeout = timeout;
		this.signer = signer;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request) {
		URI uri;
		HttpRequest http;
		try {
			uri = URI.create(stripTrailingSlash(endpoint) + PATH);
			http = httpRequest(uri, request.toByteArray());
		}
		catch (IllegalArgumentException ex) {
			return RunResponses.failed(DispatchStatus.INVALID_ARGUMENT, "InvalidEndpoint",
					"endpoint '" + endpoint + "' cannot be called over HTTP: " + ex.getMessage());
		}
		try {
			return read(this.client.send(http, HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return RunResponses.failed(DispatchStatus.TEMPORARY_ERROR, "Interrupted", "the scheduler is stopping");
		}
		catch (IOException | RuntimeException ex) {
			return RunResponses.failed(ErrorStatus.of(ex), ex.getClass().getName(),
					"calling " + uri + " failed: " + ex.getMessage());
		}
	}

	private HttpRequest httpRequest(URI uri, byte[] body) {
		HttpRequest.Builder http = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Content-Type", CONTENT_TYPE)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		this.signer.sign("POST", uri, CONTENT_TYPE, body).forEach(http::header);
		return http.build();
	}

	private static RunResponse read(HttpResponse<byte[]> response) {
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (response.statusCode() == 200 && contentType.equals(CONTENT_TYPE)) {
			try {
				return RunResponse.parseFrom(response.body());
			}
			catch (InvalidProtocolBufferException ex) {
				return RunResponses.failed(DispatchStatus.INVALID_RESPONSE, "InvalidResponse",
						"the endpoint answered a malformed run response: " + ex.getMessage());
			}
		}
		DispatchStatus status = (response.statusCode() == 200) ? DispatchStatus.INVALID_RESPONSE
				: DispatchStatus.ofHttpStatus(response.statusCode());
		String detail = new String(response.body(), 0, Math.min(response.body().length, 512), StandardCharsets.UTF_8);
		return RunResponses.failed(status, "HttpStatus" + response.statusCode(),
				"the endpoint answered HTTP " + response.statusCode() + " " + contentType + ": " + detail);
	}

	private static String stripTrailingSlash(String endpoint) {
		return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

}
