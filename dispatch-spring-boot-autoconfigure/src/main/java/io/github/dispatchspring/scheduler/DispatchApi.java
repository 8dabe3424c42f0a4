package io.github.dispatchspring.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.proto.CancelResponse;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.wire.Admission;
import io.github.dispatchspring.wire.WireRequest;
import io.github.dispatchspring.wire.WireResponse;
import org.jspecify.annotations.Nullable;

/**
 * The Dispatch API of the embedded scheduler, on raw bytes of authenticated requests:
 * {@code Dispatch} accepts calls from any Dispatch-protocol client, all or none, within its
 * {@link DispatchRequestLimits}, the experimental {@code Wait} answers a call's result and the
 * experimental {@code Cancel} cancels a call.
 */
public final class DispatchApi {

	private final CallSubmitter submitter;

	private final DispatchRequestLimits limits;

	private final Duration waitTimeout;

	public DispatchApi(CallSubmitter submitter, DispatchRequestLimits limits, Duration waitTimeout) {
		this.submitter = submitter;
		this.limits = limits;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Accepts the calls of a {@code DispatchRequest}.
	 * @param request the HTTP request
	 * @return a {@code DispatchResponse} with the ids in call order, or an error
	 */
	public WireResponse dispatch(WireRequest request) {
		Admission<DispatchRequest> admission = Admission.of(request, DispatchRequest.getDefaultInstance());
		if (admission.refusal() != null) {
			return admission.refusal();
		}
		DispatchRequest dispatchRequest = admission.message();
		ConnectError invalid = this.limits.check(dispatchRequest.getCallsList());
		if (invalid != null) {
			return WireResponse.error(invalid);
		}
		List<DispatchId> ids;
		try {
			ids = this.submitter.submit(dispatchRequest.getCallsList(), null);
		}
		catch (DispatchException ex) {
			return WireResponse.error(ConnectError.unavailable(ex.getMessage()));
		}
		return WireResponse
			.proto(DispatchResponse.newBuilder().addAllDispatchIds(ids.stream().map(DispatchId::value).toList()).build());
	}

	/**
	 * Waits for the result of a call; the body is the dispatch id as UTF-8.
	 * @param request the HTTP request
	 * @return the binary {@code CallResult}, or an error
	 */
	public WireResponse await(WireRequest request) {
		String body = new String(request.body(), StandardCharsets.UTF_8).trim();
		String id = dispatchId(body);
		if (id == null) {
			return unknown(body);
		}
		try {
			return WireResponse.proto(this.submitter.await(List.of(new DispatchId(id)), this.waitTimeout).get(0));
		}
		catch (DispatchException ex) {
			return switch (ex.getStatus()) {
				case NOT_FOUND -> WireResponse.error(ConnectError.notFound(ex.getMessage()));
				case TIMEOUT -> WireResponse.error(new ConnectError(408, "deadline_exceeded", ex.getMessage()));
				default -> throw ex;
			};
		}
	}

	/**
	 * Cancels a call and the calls it made that have not ended; the body is the dispatch id as UTF-8.
	 * Cancelling a call that ended, or again, changes nothing.
	 * @param request the HTTP request
	 * @return the binary {@code CancelResponse}, or an error
	 */
	public WireResponse cancel(WireRequest request) {
		String body = new String(request.body(), StandardCharsets.UTF_8).trim();
		String id = dispatchId(body);
		if (id == null) {
			return unknown(body);
		}
		Cancellation cancellation;
		try {
			cancellation = this.submitter.cancel(new DispatchId(id));
		}
		catch (DispatchException ex) {
			return switch (ex.getStatus()) {
				case NOT_FOUND -> WireResponse.error(ConnectError.notFound(ex.getMessage()));
				case TEMPORARY_ERROR -> WireResponse.error(ConnectError.unavailable(ex.getMessage()));
				default -> throw ex;
			};
		}
		catch (UnsupportedOperationException ex) {
			return WireResponse.error(new ConnectError(501, "unimplemented", ex.getMessage()));
		}
		return WireResponse.proto(CancelResponse.newBuilder().setOutcome(switch (cancellation) {
			case CANCELLED -> CancelResponse.Outcome.CANCELLED;
			case CANCELLING -> CancelResponse.Outcome.CANCELLING;
			case ENDED -> CancelResponse.Outcome.ENDED;
		}).build());
	}

	private static @Nullable String dispatchId(String body) {
		return (body.isEmpty() || body.length() > 128) ? null : body;
	}

	private static WireResponse unknown(String id) {
		return WireResponse.error(ConnectError.notFound("no call has the dispatch id '" + abbreviate(id) + "'"));
	}

	private static String abbreviate(String id) {
		return (id.length() > 40) ? id.substring(0, 40) + "..." : id;
	}

}
