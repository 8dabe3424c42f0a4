package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.webhook.FunctionWebhook;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.github.dispatchspring.webhook.RequestAuthentication;
import io.github.dispatchspring.webhook.SignatureAuthentication;
import io.github.dispatchspring.webhook.WireExchange;
import io.github.dispatchspring.webhook.signature.RequestVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook serving this application's functions, verifying request signatures when
 * {@code dispatch.verification-key} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class DispatchWebhookConfiguration {

	private static final Log logger = LogFactory.getLog(DispatchWebhookConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	WireExchange dispatchWireExchange(DispatchProperties properties) {
		return new WireExchange(properties.getMaxRequestSize());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnKeyPropertyCondition.VerificationKey.class)
	RequestVerifier dispatchRequestVerifier(DispatchProperties properties) {
		return new RequestVerifier(SignatureKey.VERIFICATION_KEY.parse(properties.getVerificationKey()),
				Clock.systemUTC());
	}

	@Bean
	FunctionWebhook dispatchFunctionWebhook(FunctionRegistry registry, FunctionRunner runner,
			ObjectProvider<RequestVerifier> verifier, DispatchProperties properties) {
		RequestVerifier available = verifier.getIfAvailable();
		if (available == null) {
			warnUnverified(properties);
			return new FunctionWebhook(registry, runner, RequestAuthentication.NONE);
		}
		return new FunctionWebhook(registry, runner, new SignatureAuthentication(available));
	}

	@Bean
	FunctionWebhookController dispatchFunctionWebhookController(FunctionWebhook webhook, WireExchange exchange) {
		return new FunctionWebhookController(webhook, exchange);
	}

	private static void warnUnverified(DispatchProperties properties) {
		String endpointUrl = properties.getEndpointUrl();
		if (endpointUrl != null && endpointUrl.startsWith("bridge://")) {
			return;
		}
		logger.warn("Dispatch requests to this application's webhook are not verified: anyone who can reach "
				+ "it can run its functions. Set " + SignatureKey.VERIFICATION_KEY.property() + " or the "
				+ SignatureKey.VERIFICATION_KEY.environmentVariable()
				+ " environment variable to the public key the scheduler signs with.");
	}

}
