package io.github.dispatchspring.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.ConnectError;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.webhook.RequestAuthentication;
import io.github.dispatchspring.webhook.WireRequest;
import io.github.dispatchspring.webhook.WireResponse;
import org.jspecify.annotations.Nullable;

/**
 * The Dispatch API of the embedded scheduler, on raw bytes: {@code Dispatch} accepts calls from any
 * Dispatch-protocol client, all or none, and the experimental {@code Wait} answers a call's result.
 */
public final class DispatchApi {

	private final CallSubmitter submitter;

	private final CallStore store;

	private final RequestAuthentication authentication;

	private final int maxCallsPerRequest;

	private final Duration waitTimeout;

	public DispatchApi(CallSubmitter submitter, CallStore store, RequestAuthentication authentication,
			int maxCallsPerRequest, Duration waitTimeout) {
		this.submitter = submitter;
		this.store = store;
		this.authentication = authentication;
		this.maxCallsPerRequest = maxCallsPerRequest;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Accepts the calls of a {@code DispatchRequest}.
	 * @param request the HTTP request
	 * @return a {@code DispatchResponse} with the ids in call order, or an error
	 */
	public WireResponse dispatch(WireRequest request) {
		ConnectError refused = this.authentication.check(request);
		if (refused != null) {
			return WireResponse.error(refused);
		}
		DispatchRequest dispatchRequest;
		try {
			dispatchRequest = DispatchRequest.parseFrom(request.body());
		}
		catch (InvalidProtocolBufferException ex) {
			return WireResponse.error(ConnectError.invalidArgument("the body is not a DispatchRequest: " + ex.getMessage()));
		}
		ConnectError invalid = validate(dispatchRequest.getCallsList());
		if (invalid != null) {
			return WireResponse.error(invalid);
		}
		List<DispatchId> ids = this.submitter.submit(dispatchRequest.getCallsList(), null);
		return WireResponse
			.proto(DispatchResponse.newBuilder().addAllDispatchIds(ids.stream().map(DispatchId::value).toList()).build());
	}

	private @Nullable ConnectError validate(List<Call> calls) {
		if (calls.size() > this.maxCallsPerRequest) {
			return ConnectError.invalidArgument("a request carries at most " + this.maxCallsPerRequest
					+ " calls, this one has " + calls.size() + " (dispatch.api.max-calls-per-request)");
		}
		for (int i = 0; i < calls.size(); i++) {
			Call call = calls.get(i);
			if (!FunctionRegistry.isValidName(call.getFunction())) {
				return ConnectError.invalidArgument("calls[" + i + "].function '" + call.getFunction()
						+ "' is not a valid function name");
			}
			String problem = EndpointUrls.problem(call.getEndpoint());
			if (problem != null) {
				return ConnectError.invalidArgument("calls[" + i + "].endpoint " + problem);
			}
			if (call.hasExpiration() && (call.getExpiration().getSeconds() < 0 || call.getExpiration().getNanos() < 0)) {
				return ConnectError.invalidArgument("calls[" + i + "].expiration must not be negative");
			}
		}
		return null;
	}

	/**
	 * Waits for the result of a call; the body is the dispatch id as UTF-8.
	 * @param request the HTTP request
	 * @return the binary {@code CallResult}, or an error
	 */
	public WireResponse await(WireRequest request) {
		ConnectError refused = this.authentication.check(request);
		if (refused != null) {
			return WireResponse.error(refused);
		}
		String id = new String(request.body(), StandardCharsets.UTF_8).trim();
		if (id.isEmpty() || id.length() > 128 || !this.store.exists(id)) {
			return WireResponse.error(ConnectError.notFound("no call has the dispatch id '" + abbreviate(id) + "'"));
		}
		try {
			return WireResponse.proto(this.submitter.await(List.of(new DispatchId(id)), this.waitTimeout).get(0));
		}
		catch (DispatchException ex) {
			if (ex.getStatus() != DispatchStatus.TIMEOUT) {
				throw ex;
			}
			return WireResponse.error(new ConnectError(408, "deadline_exceeded", ex.getMessage()));
		}
	}

	private static String abbreviate(String id) {
		return (id.length() > 40) ? id.substring(0, 40) + "..." : id;
	}

}
