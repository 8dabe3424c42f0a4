package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.io.InputStream;
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
 * retries. What an endpoint answers is read within bounds (see {@link EndpointReply}). Each host is
 * protected by an {@link EndpointProtection}: a call its host does not take now is not sent.
 */
public final class HttpCallInvoker implements CallInvoker {

	static final String PATH = "/dispatch.sdk.v1.FunctionService/Run";

	private final HttpClient client;

	private final Duration timeout;

	private final EndpointRequestSigner signer;

	private final AllowedEndpoints allowed;

	private final EndpointReply reply;

	private final CallTracing tracing;

	private final EndpointProtection protection;

	/**
	 * Creates the invoker.
	 * @param client the HTTP client, which must not follow redirects
	 * @param timeout the timeout of one request that is given none
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
	 * @param timeout the timeout of one request that is given none
	 * @param signer signs the requests
	 * @param allowed the endpoints calls may go to
	 * @param maxResponseSize the most bytes of a run response read
	 * @param tracing observes each request
	 */
	public HttpCallInvoker(HttpClient client, Duration timeout, EndpointRequestSigner signer, AllowedEndpoints allowed,
			long maxResponseSize, CallTracing tracing) {
		this(client, timeout, signer, allowed, maxResponseSize, tracing, EndpointProtection.none());
	}

	/**
	 * Creates the invoker, observing each request, sending the trace of its call in its headers and
	 * protecting each endpoint host.
	 * @param client the HTTP client, which must not follow redirects
	 * @param timeout the timeout of one request
	 * @param signer signs the requests
	 * @param allowed the endpoints calls may go to
	 * @param maxResponseSize the most bytes of a run response read
	 * @param tracing observes each request
	 * @param protection the circuit breaker and concurrency limit of each endpoint host
	 */
	public HttpCallInvoker(HttpClient client, Duration timeout, EndpointRequestSigner signer, AllowedEndpoints allowed,
			long maxResponseSize, CallTracing tracing, EndpointProtection protection) {
		this.client = client;
		this.timeout = timeout;
		this.signer = signer;
		this.allowed = allowed;
		this.reply = new EndpointReply(maxResponseSize);
		this.tracing = tracing;
		this.protection = protection;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt) {
		return invoke(endpoint, request, attempt, this.timeout);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A request still unanswered at the timeout is cancelled; its call fails with {@code TIMEOUT}.
	 */
	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt, Duration timeout) {
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
		EndpointPermit permit = this.protection.admit(uri);
		try (CallTracing.Observed traced = this.tracing.request(request.getFunction(), uri)) {
			RunResponse response = send(uri, request, attempt, timeout, traced.propagated(), endpoint, permit);
			traced.outcome(StatusCodes.of(response.getStatus()));
			return response;
		}
		finally {
			permit.finish(EndpointOutcome.NOT_SENT);
		}
	}

	private RunResponse send(URI uri, RunRequest request, int attempt, Duration timeout,
			Map<String, String> traceHeaders, String endpoint, EndpointPermit permit) {
		HttpRequest http;
		try {
			http = httpRequest(uri, request.toByteArray(), attempt, timeout, traceHeaders);
		}
		catch (IllegalArgumentException ex) {
			return invalidEndpoint(endpoint, ex);
		}
		try {
			HttpResponse<InputStream> answer = this.client.send(http, HttpResponse.BodyHandlers.ofInputStream());
			RunResponse response = this.reply.read(answer);
			permit.finish(EndpointOutcome.answered(answer.statusCode(), CallExecution.status(response)));
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return RunResponses.failed(DispatchStatus.TEMPORARY_ERROR, "Interrupted",
					"the request to " + uri + " was abandoned: the call was cancelled or the scheduler is stopping");
		}
		catch (IOException | RuntimeException ex) {
			DispatchStatus status = ErrorStatus.of(ex);
			permit.finish(EndpointOutcome.unanswered(status));
			return RunResponses.failed(status, ex.getClass().getName(), "calling " + uri + " failed: " + ex.getMessage());
		}
	}

	private static RunResponse invalidEndpoint(String endpoint, IllegalArgumentException ex) {
		return RunResponses.failed(DispatchStatus.INVALID_ARGUMENT, "InvalidEndpoint",
				"endpoint '" + endpoint + "' cannot be called over HTTP: " + ex.getMessage());
	}

	private HttpRequest httpRequest(URI uri, byte[] body, int attempt, Duration timeout,
			Map<String, String> traceHeaders) {
		HttpRequest.Builder http = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", EndpointReply.CONTENT_TYPE)
			.header(AttemptHeader.NAME, Integer.toString(attempt))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		traceHeaders.forEach(http::header);
		this.signer.sign("POST", uri, EndpointReply.CONTENT_TYPE, body).forEach(http::header);
		return http.build();
	}

}
