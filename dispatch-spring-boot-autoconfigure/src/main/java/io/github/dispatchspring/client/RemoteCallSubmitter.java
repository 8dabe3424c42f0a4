package io.github.dispatchspring.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.CancelResponse;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import org.jspecify.annotations.Nullable;

/**
 * Submits calls to a remote Dispatch API ({@code dispatch.api-url}) with the API key as bearer token,
 * waits for results through its experimental {@code Wait} method and cancels calls through its
 * experimental {@code Cancel} method.
 */
public final class RemoteCallSubmitter implements CallSubmitter {

	private final HttpClient client;

	private final String apiUrl;

	private final @Nullable String apiKey;

	private final Duration requestTimeout;

	public RemoteCallSubmitter(HttpClient client, String apiUrl, @Nullable String apiKey, Duration requestTimeout) {
		this.client = client;
		this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
		this.apiKey = apiKey;
		this.requestTimeout = requestTimeout;
	}

	@Override
	public List<DispatchId> submit(List<Call> calls, @Nullable CallOrigin origin) {
		byte[] body = DispatchRequest.newBuilder().addAllCalls(calls).build().toByteArray();
		HttpResponse<byte[]> response = post("/dispatch.sdk.v1.DispatchService/Dispatch", body, this.requestTimeout);
		try {
			return DispatchResponse.parseFrom(response.body())
				.getDispatchIdsList()
				.stream()
				.map(DispatchId::new)
				.toList();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new DispatchException(DispatchStatus.INVALID_RESPONSE,
					"The Dispatch API at " + this.apiUrl + " answered a malformed DispatchResponse", ex);
		}
	}

	@Override
	public List<CallResult> await(List<DispatchId> ids, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<CallResult> results = new ArrayList<>(ids.size());
		for (DispatchId id : ids) {
			results.add(awaitOne(id, deadline));
		}
		return results;
	}

	private CallResult awaitOne(DispatchId id, Instant deadline) {
		while (true) {
			Duration left = Duration.between(Instant.now(), deadline);
			if (left.isNegative() || left.isZero()) {
				throw new DispatchException(DispatchStatus.TIMEOUT, "Call " + id + " did not end in time");
			}
			HttpResponse<byte[]> response = send("/dispatch.sdk.v1.DispatchService/Wait",
					id.value().getBytes(StandardCharsets.UTF_8), left.plusSeconds(5));
			if (response.statusCode() == 408) {
				continue;
			}
			check(response);
			try {
				return CallResult.parseFrom(response.body());
			}
			catch (InvalidProtocolBufferException ex) {
				throw new DispatchException(DispatchStatus.INVALID_RESPONSE, "Malformed CallResult for " + id, ex);
			}
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Through the experimental {@code Cancel} method of this project's scheduler, which other Dispatch
	 * schedulers do not serve.
	 */
	@Override
	public Cancellation cancel(DispatchId id) {
		HttpResponse<byte[]> response = post("/dispatch.sdk.v1.DispatchService/Cancel",
				id.value().getBytes(StandardCharsets.UTF_8), this.requestTimeout);
		try {
			return switch (CancelResponse.parseFrom(response.body()).getOutcome()) {
				case CANCELLED -> Cancellation.CANCELLED;
				case CANCELLING -> Cancellation.CANCELLING;
				case ENDED -> Cancellation.ENDED;
				default -> throw new InvalidProtocolBufferException("no outcome");
			};
		}
		catch (InvalidProtocolBufferException ex) {
			throw new DispatchException(DispatchStatus.INVALID_RESPONSE,
					"The Dispatch API at " + this.apiUrl + " answered a malformed CancelResponse for " + id, ex);
		}
	}

	private HttpResponse<byte[]> post(String path, byte[] body, Duration timeout) {
		HttpResponse<byte[]> response = send(path, body, timeout);
		check(response);
		return response;
	}

	private HttpResponse<byte[]> send(String path, byte[] body, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.apiUrl + path))
			.timeout(timeout)
			.header("Content-Type", "application/proto")
			.header("Connect-Protocol-Version", "1")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (this.apiKey != null) {
			request.header("Authorization", "Bearer " + this.apiKey);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR,
					"The Dispatch API at " + this.apiUrl + " could not be reached: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "Interrupted while calling the Dispatch API",
					ex);
		}
	}

	private void check(HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status == 200) {
			return;
		}
		String detail = new String(response.body(), StandardCharsets.UTF_8);
		if (status == 401) {
			throw new DispatchException(DispatchStatus.UNAUTHENTICATED, "The Dispatch API at " + this.apiUrl
					+ " refused the API key: set dispatch.api-key or the DISPATCH_API_KEY environment variable ("
					+ detail + ")");
		}
		throw new DispatchException(DispatchStatus.ofHttpStatus(status),
				"The Dispatch API at " + this.apiUrl + " answered HTTP " + status + ": " + detail);
	}

}
