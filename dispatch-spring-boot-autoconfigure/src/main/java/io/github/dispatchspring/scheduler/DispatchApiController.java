package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.WireExchange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the embedded scheduler's Dispatch API under {@code /dispatch.sdk.v1.DispatchService/}.
 */
@RestController
public final class DispatchApiController {

	/** The path of {@code Dispatch}. */
	public static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	/** The path of {@code Wait}. */
	public static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	/** The path of {@code Cancel}. */
	public static final String CANCEL = "/dispatch.sdk.v1.DispatchService/Cancel";

	private final DispatchApi api;

	private final WireExchange exchange;

	private final RequestAuthentication authentication;

	public DispatchApiController(DispatchApi api, WireExchange exchange, RequestAuthentication authentication) {
		this.api = api;
		this.exchange = exchange;
		this.authentication = authentication;
	}

	@PostMapping(DISPATCH)
	ResponseEntity<byte[]> dispatch(HttpServletRequest request) {
		return this.exchange.handle(request, this.authentication, this.api::dispatch);
	}

	@PostMapping(WAIT)
	ResponseEntity<byte[]> await(HttpServletRequest request) {
		return this.exchange.handle(request, this.authentication, this.api::await);
	}

	@PostMapping(CANCEL)
	ResponseEntity<byte[]> cancel(HttpServletRequest request) {
		return this.exchange.handle(request, this.authentication, this.api::cancel);
	}

}
