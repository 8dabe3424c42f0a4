package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.function.ErrorStatus;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;
import io.github.dispatchspring.proto.StatusCodes;
import io.github.dispatchspring.wire.AttemptHeader;

/**
 * Runs calls at their endpoint over HTTP: {@code POST /dispatch.sdk.v1.FunctionService/Run} with the
 * binary request, signed, to allowed endpoints only. An answer that is not a run response maps to a
 * status by its HTTP code; a failure to connect maps to a network status, which the scheduler
 * retries. What an endpoint answers is read within bounds (see {@link EndpointReply}).
 */
public final class HttpCallInvoker implements CallInvoker {

	static final String PATH = "/dispatch.sdk.v1.FunctionService/Run";

	private final HttpClient client;

	private final Duration timeout;

	private final EndpointRequestSigner signer;

	private final AllowedEndpoints allowed;

	private final EndpointReply reply;

	private final CallTracing tracing;

	/**
	 * Creates the invoker.
	 * @param client the HTTP client, which must not follow redirects
	 * @param timeout the timeout of one request
	 * @param signer signs the requests
	 * @param allowed the endpoints calls may go to
	 * @param maxResponseSize the most bytes of a run response read
	 */
	public HttpCallInvoker(HttpClient client, Duration timeout, EndpointRequestSigner signer, AllowedEndpoints allowed,
			long maxResponseSize) {
		this(client, timeout, signer, allowed, maxResponseSize, CallTracing.NONE);
	}

	/**
	 * Creates the invoker, observing each request and sending the trace of its call in its headers.
	 * @param client the HTTP client, which must not follow redirects
	 * @param timeout the timeout of one request
	 * @param signer signs the requests
	 * @param allowed the endpoints calls may go to
	 * @param maxResponseSize the most bytes of a run response read
	 * @param tracing observes each request
	 */
	public HttpCallInvoker(HttpClient client, Duration timeout, EndpointRequestSigner signer, AllowedEndpoints allowed,
			long maxResponseSize, CallTracing tracing) {
		this.client = client;
		this.timeout = timeout;
		this.signer = signer;
		this.allowed = allowed;
		this.reply = new EndpointReply(maxResponseSize);
		this.tracing = tracing;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt) {
		String refusal = this.allowed.refusal(endpoint);
		if (refusal != null) {
			return RunResponses.failed(DispatchStatus.PERMISSION_DENIED, "EndpointNotAllowed", refusal);
		}
		URI uri;
		try {
			uri = URI.create(EndpointUrls.withoutTrailingSlashes(endpoint) + PATH);
		}
		catch (IllegalArgumentException ex) {
			return invalidEndpoint(endpoint, ex);
		}
		try (CallTracing.Observed traced = this.tracing.request(request.getFunction(), uri)) {
			RunResponse response = send(uri, request, attempt, traced.propagated(), endpoint);
			traced.outcome(StatusCodes.of(response.getStatus()));
			return response;
		}
	}

	private RunResponse send(URI uri, RunRequest request, int attempt, Map<String, String> traceHeaders,
			String endpoint) {
		HttpRequest http;
		try {
			http = httpRequest(uri, request.toByteArray(), attempt, traceHeaders);
		}
		catch (IllegalArgumentException ex) {
			return invalidEndpoint(endpoint, ex);
		}
		try {
			return this.reply.read(this.client.send(http, HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return RunResponses.failed(DispatchStatus.TEMPORARY_ERROR, "Interrupted",
					"the request to " + uri + " was abandoned: the call was cancelled or the scheduler is stopping");
		}
		catch (IOException | RuntimeException ex) {
			return RunResponses.failed(ErrorStatus.of(ex), ex.getClass().getName(),
					"calling " + uri + " failed: " + ex.getMessage());
		}
	}

	private static RunResponse invalidEndpoint(String endpoint, IllegalArgumentException ex) {
		return RunResponses.failed(DispatchStatus.INVALID_ARGUMENT, "InvalidEndpoint",
				"endpoint '" + endpoint + "' cannot be called over HTTP: " + ex.getMessage());
	}

	private HttpRequest httpRequest(URI uri, byte[] body, int attempt, Map<String, String> traceHeaders) {
		HttpRequest.Builder http = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Content-Type", EndpointReply.CONTENT_TYPE)
			.header(AttemptHeader.NAME, Integer.toString(attempt))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		traceHeaders.forEach(http::header);
		this.signer.sign("POST", uri, EndpointReply.CONTENT_TYPE, body).forEach(http::header);
		return http.build();
	}

}
