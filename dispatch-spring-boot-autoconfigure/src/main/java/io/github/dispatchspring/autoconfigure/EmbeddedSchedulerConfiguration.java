package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.scheduler.AllowedEndpoints;
import io.github.dispatchspring.scheduler.ApplicationInstances;
import io.github.dispatchspring.scheduler.CallExecution;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.DispatchApi;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.scheduler.DispatchRequestLimits;
import io.github.dispatchspring.scheduler.EmbeddedCallSubmitter;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.scheduler.GeneratedSchedulerKeys;
import io.github.dispatchspring.scheduler.HttpCallInvoker;
import io.github.dispatchspring.scheduler.LocalCallInvoker;
import io.github.dispatchspring.scheduler.RegisteredInstances;
import io.github.dispatchspring.scheduler.ResultWaiter;
import io.github.dispatchspring.scheduler.RetryPolicy;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.SignatureEndpointRequestSigner;
import io.github.dispatchspring.scheduler.StoredChildCalls;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.BearerAuthentication;
import io.github.dispatchspring.wire.ClosedEntry;
import io.github.dispatchspring.wire.ProtoContent;
import io.github.dispatchspring.wire.ProtoContentFilter;
import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.WireExchange;
import io.github.dispatchspring.signature.RequestSigner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The scheduler embedded in the application, used when no remote Dispatch API is configured. It
 * signs its requests to endpoints with {@code dispatch.signing-key}, or with a key pair kept in its
 * store, and sends calls only to allowed endpoints.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedSchedulerCondition.class)
@Import(CallStoreConfiguration.class)
final class EmbeddedSchedulerConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedSchedulerConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SchedulerKeys dispatchSchedulerKeys(CallStore store) {
		return (store instanceof JdbcCallStore jdbc) ? jdbc.schedulerKeys() : new GeneratedSchedulerKeys();
	}

	@Bean
	@ConditionalOnMissingBean
	EndpointRequestSigner dispatchEndpointRequestSigner(DispatchProperties properties, SchedulerKeys keys) {
		PrivateKey key = StringUtils.hasText(properties.getSigningKey())
				? SignatureKey.SIGNING_KEY.parse(properties.getSigningKey()) : keys.loadOrCreate().signingKey();
		return new SignatureEndpointRequestSigner(new RequestSigner(key, Clock.systemUTC()));
	}

	@Bean
	@ConditionalOnMissingBean
	AllowedEndpoints dispatchAllowedEndpoints(DispatchProperties properties, ApplicationInstances instances) {
		AllowedEndpoints allowed = new AllowedEndpoints(properties.getScheduler().getAllowedEndpoints(), instances);
		if (allowed.allowsAny()) {
			logger.warn(AllowedEndpoints.PROPERTY + " contains " + AllowedEndpoints.ANY + ": the scheduler sends "
					+ "calls to any endpoint they name, signed, including internal services. List the URL prefixes "
					+ "of the endpoints it serves instead.");
		}
		return allowed;
	}

	@Bean
	RegisteredInstances dispatchApplicationInstances(LocalEndpoint endpoint, FunctionRegistry registry,
			CallStore store, Environment environment) {
		return new RegisteredInstances(environment.getProperty("spring.application.name", "application"), endpoint,
				() -> functionNames(registry), store::instances, Clock.systemUTC());
	}

	private static Set<String> functionNames(FunctionRegistry registry) {
		return registry.functions().stream().map(RegisteredFunction::name).collect(Collectors.toSet());
	}

	@Bean
	ChildCalls dispatchChildCalls(CallStore store) {
		return new StoredChildCalls(store);
	}

	@Bean
	ResultWaiter dispatchResultWaiter(CallStore store) {
		return new ResultWaiter(store, Clock.systemUTC());
	}

	@Bean
	EmbeddedScheduler dispatchScheduler(CallStore store, ResultWaiter waiter, FunctionRegistry registry,
			FunctionRunner runner, DispatchProperties properties, EndpointRequestSigner signer,
			AllowedEndpoints allowed, RegisteredInstances instances) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		DispatchProperties.Retry retry = scheduler.getRetry();
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpCallInvoker remote = new HttpCallInvoker(httpClient, scheduler.getHttpTimeout(), signer, allowed,
				properties.getMaxRequestSize().toBytes());
		RetryPolicy retryPolicy = new RetryPolicy(retry.getInitialInterval(), retry.getMultiplier(),
				retry.getMaxInterval(), retry.getMaxAttempts());
		CallInvoker invoker = scheduler.isInProcess() ? new LocalCallInvoker(registry, runner, remote, instances)
				: remote;
		CallExecution execution = new CallExecution(store, invoker, retryPolicy, requestLimits(properties, allowed),
				Clock.systemUTC());
		return new EmbeddedScheduler(store, execution, waiter, instances,
				new EmbeddedScheduler.Settings(scheduler.getConcurrency(), scheduler.getClaimBatchSize(),
						scheduler.getLeaseDuration(), scheduler.getInstanceTimeout(), scheduler.getPollInterval(),
						scheduler.getShutdownTimeout(), scheduler.getRetention()));
	}

	@Bean
	@ConditionalOnMissingBean
	CallSubmitter dispatchCallSubmitter(CallStore store, EmbeddedScheduler scheduler, ResultWaiter waiter,
			DispatchProperties properties) {
		return new EmbeddedCallSubmitter(store, scheduler, waiter, Clock.systemUTC(),
				properties.getScheduler().getDefaultExpiration());
	}

	private static DispatchRequestLimits requestLimits(DispatchProperties properties, AllowedEndpoints allowed) {
		DispatchProperties.Api api = properties.getApi();
		return new DispatchRequestLimits(api.getMaxCallsPerRequest(), api.getMaxInputSize().toBytes(), allowed);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static final class DispatchApiConfiguration {

		@Bean
		DispatchApi dispatchApi(CallSubmitter submitter, CallStore store, DispatchProperties properties,
				AllowedEndpoints allowed) {
			return new DispatchApi(submitter, store, requestLimits(properties, allowed),
					properties.getApi().getWaitTimeout());
		}

		@Bean
		DispatchApiController dispatchApiController(DispatchApi api, WireExchange exchange,
				DispatchProperties properties) {
			return new DispatchApiController(api, exchange, authentication(properties));
		}

		@Bean
		FilterRegistrationBean<ProtoContentFilter> dispatchApiContentTypeFilter() {
			FilterRegistrationBean<ProtoContentFilter> registration = new FilterRegistrationBean<>(
					new ProtoContentFilter(Map.of(DispatchApiController.DISPATCH, ProtoContent.MESSAGE,
							DispatchApiController.WAIT, ProtoContent.DISPATCH_ID)));
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

}
