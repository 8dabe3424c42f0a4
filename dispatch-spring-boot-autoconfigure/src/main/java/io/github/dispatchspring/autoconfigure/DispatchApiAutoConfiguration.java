package io.github.dispatchspring.autoconfigure;

import java.util.Map;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.scheduler.BearerAuthentication;
import io.github.dispatchspring.scheduler.DispatchApi;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.scheduler.DispatchRequestLimits;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.wire.ClosedEntry;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.wire.ProtoContent;
import io.github.dispatchspring.wire.ProtoContentFilter;
import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.RequestOutcomes;
import io.github.dispatchspring.wire.WireExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the embedded scheduler's Dispatch API
 * ({@code /dispatch.sdk.v1.DispatchService/Dispatch}, {@code /Wait} and {@code /Cancel}): closed until
 * {@code dispatch.api-key} is set, unless {@code dispatch.api.allow-unauthenticated} opens it.
 */
@AutoConfiguration(after = DispatchSchedulerAutoConfiguration.class)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(EmbeddedScheduler.class)
@Import(WireConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchApiAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DispatchApiAutoConfiguration.class);

	@Bean
	DispatchApi dispatchApi(CallSubmitter submitter, DispatchRequestLimits limits, DispatchProperties properties) {
		return new DispatchApi(submitter, limits, properties.getApi().getWaitTimeout());
	}

	@Bean
	DispatchApiController dispatchApiController(DispatchApi api, WireExchange exchange, DispatchProperties properties) {
		return new DispatchApiController(api, exchange, authentication(properties));
	}

	@Bean
	FilterRegistrationBean<ProtoContentFilter> dispatchApiContentTypeFilter(
			ObjectProvider<RequestOutcomes> outcomes) {
		FilterRegistrationBean<ProtoContentFilter> registration = new FilterRegistrationBean<>(
				new ProtoContentFilter(Map.of(DispatchApiController.DISPATCH, ProtoContent.MESSAGE,
						DispatchApiController.WAIT, ProtoContent.DISPATCH_ID, DispatchApiController.CANCEL,
						ProtoContent.DISPATCH_ID),
						outcomes.getIfAvailable(() -> RequestOutcomes.NONE)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static RequestAuthentication authentication(DispatchProperties properties) {
		if (properties.getApi().isAllowUnauthenticated()) {
			logger.warn("dispatch.api.allow-unauthenticated is true: the Dispatch API of this application "
					+ "accepts calls from anyone who can reach it, and runs them. Remove it outside a developer "
					+ "machine and set dispatch.api-key or the DISPATCH_API_KEY environment variable instead.");
			return RequestAuthentication.NONE;
		}
		String apiKey = properties.getApiKey();
		if (StringUtils.hasText(apiKey)) {
			return new BearerAuthentication(apiKey);
		}
		return new ClosedEntry(ConnectError.unauthenticated("the Dispatch API of this application is closed: "
				+ "set dispatch.api-key or the DISPATCH_API_KEY environment variable on it and send the key as "
				+ "'Authorization: Bearer <key>', or set dispatch.api.allow-unauthenticated=true on a developer "
				+ "machine"));
	}

}
