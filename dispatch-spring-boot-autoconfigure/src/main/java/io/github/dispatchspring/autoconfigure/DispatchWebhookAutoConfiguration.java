package io.github.dispatchspring.autoconfigure;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.signature.AcceptedSignatures;
import io.github.dispatchspring.signature.RequestVerifier;
import io.github.dispatchspring.webhook.FunctionWebhook;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.github.dispatchspring.webhook.SignatureAuthentication;
import io.github.dispatchspring.wire.ClosedEntry;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.wire.ProtoContent;
import io.github.dispatchspring.wire.ProtoContentFilter;
import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.RequestOutcomes;
import io.github.dispatchspring.wire.WireExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the webhook serving this application's functions
 * ({@code /dispatch.sdk.v1.FunctionService/Run}). It runs only requests signed by the embedded
 * scheduler or by the holder of {@code dispatch.verification-key}, unless
 * {@code dispatch.webhook.allow-unsigned} opens it.
 */
@AutoConfiguration(after = { DispatchFunctionAutoConfiguration.class, DispatchSchedulerAutoConfiguration.class })
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(WireConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchWebhookAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DispatchWebhookAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnVerificationKeyCondition.class)
	RequestVerifier dispatchRequestVerifier(DispatchProperties properties, ObjectProvider<SchedulerKeys> schedulerKeys,
			Clock clock) {
		List<PublicKey> keys = new ArrayList<>();
		if (StringUtils.hasText(properties.getVerificationKey())) {
			keys.add(SignatureKey.VERIFICATION_KEY.parse(properties.getVerificationKey()));
		}
		schedulerKeys.ifAvailable((scheduler) -> keys.add(scheduler.loadOrCreate().verificationKey()));
		return new RequestVerifier(keys, clock, RequestVerifier.DEFAULT_MAX_AGE, RequestVerifier.DEFAULT_CLOCK_SKEW);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionWebhook dispatchFunctionWebhook(FunctionRegistry registry, FunctionRunner runner) {
		return new FunctionWebhook(registry, runner);
	}

	@Bean
	FunctionWebhookController dispatchFunctionWebhookController(FunctionWebhook webhook, WireExchange exchange,
			ObjectProvider<RequestVerifier> verifier, DispatchProperties properties, Clock clock) {
		return new FunctionWebhookController(webhook, exchange,
				authentication(verifier.getIfAvailable(), properties, clock));
	}

	@Bean
	FilterRegistrationBean<ProtoContentFilter> dispatchWebhookContentTypeFilter(
			ObjectProvider<RequestOutcomes> outcomes) {
		FilterRegistrationBean<ProtoContentFilter> registration = new FilterRegistrationBean<>(
				new ProtoContentFilter(Map.of(FunctionWebhookController.PATH, ProtoContent.MESSAGE),
						outcomes.getIfAvailable(() -> RequestOutcomes.NONE)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static RequestAuthentication authentication(@Nullable RequestVerifier verifier,
			DispatchProperties properties, Clock clock) {
		if (properties.getWebhook().isAllowUnsigned()) {
			warnUnsigned(properties);
			return RequestAuthentication.NONE;
		}
		if (verifier == null) {
			logger.warn("The Dispatch webhook of this application refuses every request: it has no key to verify "
					+ "their signatures with. " + setVerificationKey());
			return new ClosedEntry(ConnectError.unauthenticated(
					"this application's webhook has no key to verify request signatures with: " + setVerificationKey()));
		}
		return new SignatureAuthentication(verifier,
				new AcceptedSignatures(verifier.freshness(), AcceptedSignatures.DEFAULT_CAPACITY, clock));
	}

	private static String setVerificationKey() {
		return "Set " + SignatureKey.VERIFICATION_KEY.property() + " or the "
				+ SignatureKey.VERIFICATION_KEY.environmentVariable()
				+ " environment variable to the public key of the scheduler that calls it, or set "
				+ "dispatch.webhook.allow-unsigned=true to accept unsigned requests on a developer machine.";
	}

	private static void warnUnsigned(DispatchProperties properties) {
		String endpointUrl = properties.getEndpointUrl();
		if (endpointUrl != null && endpointUrl.startsWith("bridge://")) {
			return;
		}
		logger.warn("dispatch.webhook.allow-unsigned is true: this application's webhook runs its functions for "
				+ "anyone who can reach it, without checking request signatures. Remove it outside a developer "
				+ "machine; the embedded scheduler signs its requests without any setting.");
	}

}
