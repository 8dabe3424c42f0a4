package io.github.dispatchspring.webhook;

import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.WireExchange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code POST /dispatch.sdk.v1.FunctionService/Run}.
 */
@RestController
public final class FunctionWebhookController {

	/** The path of the webhook. */
	public static final String PATH = "/dispatch.sdk.v1.FunctionService/Run";

	private final FunctionWebhook webhook;

	private final WireExchange exchange;

	private final RequestAuthentication authentication;

	public FunctionWebhookController(FunctionWebhook webhook, WireExchange exchange,
			RequestAuthentication authentication) {
		this.webhook = webhook;
		this.exchange = exchange;
		this.authentication = authentication;
	}

	@PostMapping(PATH)
	ResponseEntity<byte[]> run(HttpServletRequest request) {
		return this.exchange.handle(request, this.authentication, this.webhook::run);
	}

}
