package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.webhook.WireExchange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the embedded scheduler's Dispatch API under {@code /dispatch.sdk.v1.DispatchService/}.
 */
@RestController
public final class DispatchApiController {

	private final DispatchApi api;

	private final WireExchange exchange;

	public DispatchApiController(DispatchApi api, WireExchange exchange) {
		this.api = api;
		this.exchange = exchange;
	}

	@PostMapping("/dispatch.sdk.v1.DispatchService/Dispatch")
	ResponseEntity<byte[]> dispatch(HttpServletRequest request) {
		return this.exchange.handle(request, this.api::dispatch);
	}

	@PostMapping("/dispatch.sdk.v1.DispatchService/Wait")
	ResponseEntity<byte[]> await(HttpServletRequest request) {
		return this.exchange.handle(request, this.api::await);
	}

}
