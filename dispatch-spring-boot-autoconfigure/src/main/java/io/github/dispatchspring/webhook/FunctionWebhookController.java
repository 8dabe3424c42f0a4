package io.github.dispatchspring.webhook;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code POST /dispatch.sdk.v1.FunctionService/Run}.
 */
@RestController
public final class FunctionWebhookController {

	private final FunctionWebhook webhook;

	private final WireExchange exchange;

	public FunctionWebhookController(FunctionWebhook webhook, WireExchange exchange) {
		this.webhook = webhook;
		this.exchange = exchange;
	}

	@PostMapping("/dispatch.sdk.v1.FunctionService/Run")
	ResponseEntity<byte[]> run(HttpServletRequest request) {
		return this.exchange.handle(request, this.webhook::run);
	}

}
