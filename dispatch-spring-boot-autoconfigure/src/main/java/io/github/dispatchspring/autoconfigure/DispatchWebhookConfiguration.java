package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.webhook.FunctionWebhook;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.github.dispatchspring.webhook.RequestAuthentication;
import io.github.dispatchspring.webhook.WireExchange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook serving this application's functions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class DispatchWebhookConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WireExchange dispatchWireExchange(DispatchProperties properties) {
		return new WireExchange(properties.getMaxRequestSize());
	}

	@Bean
	FunctionWebhook dispatchFunctionWebhook(FunctionRegistry registry, FunctionRunner runner) {
		return new FunctionWebhook(registry, runner, RequestAuthentication.NONE);
	}

	@Bean
	FunctionWebhookController dispatchFunctionWebhookController(FunctionWebhook webhook, WireExchange exchange) {
		return new FunctionWebhookController(webhook, exchange);
	}

}
