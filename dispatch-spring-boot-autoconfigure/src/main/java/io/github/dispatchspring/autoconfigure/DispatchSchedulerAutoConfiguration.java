package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.scheduler.AllowedEndpoints;
import io.github.dispatchspring.scheduler.CallExecution;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallTracing;
import io.github.dispatchspring.scheduler.DispatchRequestLimits;
import io.github.dispatchspring.scheduler.EmbeddedCallSubmitter;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.EndpointProtection;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.GeneratedSchedulerKeys;
import io.github.dispatchspring.scheduler.HttpCallInvoker;
import io.github.dispatchspring.scheduler.LocalCallInvoker;
import io.github.dispatchspring.scheduler.RegisteredInstances;
import io.github.dispatchspring.scheduler.ResultWaiter;
import io.github.dispatchspring.scheduler.SchedulerEvents;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.SignatureEndpointRequestSigner;
import io.github.dispatchspring.scheduler.StoreOutage;
import io.github.dispatchspring.scheduler.StoredChildCalls;
import io.github.dispatchspring.scheduler.TransitionWriter;
import io.github.dispatchspring.signature.RequestSigner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the scheduler embedded in the application, used when no remote Dispatch API
 * is configured. It runs the calls kept in the {@link CallStore} of one of the store
 * auto-configurations (or the application's own), signs its requests to endpoints with
 * {@code dispatch.signing-key} or with a key pair kept in its store, and sends calls only to allowed
 * endpoints.
 */
@AutoConfiguration(after = { DispatchFunctionAutoConfiguration.class, DispatchEmbeddedStoreAutoConfiguration.class,
		DispatchJdbcStoreAutoConfiguration.class, DispatchMemoryStoreAutoConfiguration.class })
@Conditional(OnTextPropertyCondition.EmbeddedScheduler.class)
@Import(HttpClientConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchSchedulerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DispatchSchedulerAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SchedulerKeys dispatchSchedulerKeys() {
		return new GeneratedSchedulerKeys();
	}

	@Bean
	@ConditionalOnMissingBean
	EndpointRequestSigner dispatchEndpointRequestSigner(DispatchProperties properties, SchedulerKeys keys,
			Clock clock) {
		PrivateKey key = StringUtils.hasText(properties.getSigningKey())
				? SignatureKey.SIGNING_KEY.parse(properties.getSigningKey()) : keys.loadOrCreate().signingKey();
		return new SignatureEndpointRequestSigner(new RequestSigner(key, clock));
	}

	@Bean
	@ConditionalOnMissingBean
	RegisteredInstances dispatchApplicationInstances(LocalEndpoint endpoint, FunctionRegistry registry,
			CallStore store, Environment environment, Clock clock) {
		return new RegisteredInstances(environment.getProperty("spring.application.name", "application"), endpoint,
				() -> functionNames(registry), store::instances, clock);
	}

	private static Set<String> functionNames(FunctionRegistry registry) {
		return registry.functions().stream().map(RegisteredFunction::name).collect(Collectors.toSet());
	}

	@Bean
	@ConditionalOnMissingBean
	AllowedEndpoints dispatchAllowedEndpoints(DispatchProperties properties, RegisteredInstances instances) {
		AllowedEndpoints allowed = new AllowedEndpoints(properties.getScheduler().getAllowedEndpoints(), instances);
		if (allowed.allowsAny()) {
			logger.warn(AllowedEndpoints.PROPERTY + " contains " + AllowedEndpoints.ANY + ": the scheduler sends "
					+ "calls to any endpoint they name, signed, including internal services. List the URL prefixes "
					+ "of the endpoints it serves instead.");
		}
		return allowed;
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchRequestLimits dispatchRequestLimits(DispatchProperties properties, AllowedEndpoints allowed) {
		DispatchProperties.Api api = properties.getApi();
		return new DispatchRequestLimits(api.getMaxCallsPerRequest(), api.getMaxInputSize().toBytes(), allowed);
	}

	@Bean
	@ConditionalOnMissingBean
	ChildCalls dispatchChildCalls(CallStore store) {
		return new StoredChildCalls(store);
	}

	@Bean
	@ConditionalOnMissingBean
	ResultWaiter dispatchResultWaiter(CallStore store, Clock clock) {
		return new ResultWaiter(store, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionPolicies dispatchFunctionPolicies(DispatchProperties properties, FunctionRegistry registry,
			Environment environment) {
		DeprecatedKeys deprecated = new DeprecatedKeys(environment);
		deprecated.warnOfUse();
		return new FunctionPolicyResolver(properties, registry, deprecated).policies();
	}

	/**
	 * Resolves the policies of the functions once they are all known, so that a setting that cannot
	 * be used fails the start.
	 */
	@Bean
	static SmartInitializingSingleton dispatchFunctionPoliciesCheck(ObjectProvider<FunctionPolicies> policies) {
		return () -> policies.getObject().byFunction();
	}

	@Bean
	@ConditionalOnMissingBean
	EndpointProtection dispatchEndpointProtection(DispatchProperties properties, Clock clock) {
		return new EndpointProtection(EndpointProtectionSettings.of(properties.getScheduler().getEndpoints()), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	CallInvoker dispatchCallInvoker(HttpClient httpClient, EndpointRequestSigner signer, AllowedEndpoints allowed,
			FunctionRegistry registry, FunctionRunner runner, RegisteredInstances instances,
			DispatchProperties properties, FunctionPolicies policies, ObjectProvider<CallTracing> tracing,
			EndpointProtection protection) {
		HttpCallInvoker remote = new HttpCallInvoker(httpClient, policies.otherwise().timeout(), signer,
				allowed, properties.getMaxRequestSize().toBytes(), tracing.getIfAvailable(() -> CallTracing.NONE),
				protection);
		return properties.getScheduler().isInProcess() ? new LocalCallInvoker(registry, runner, remote, instances)
				: remote;
	}

	@Bean
	@ConditionalOnMissingBean
	EmbeddedScheduler.Settings dispatchSchedulerSettings(DispatchProperties properties,
			ObjectProvider<DispatchSchedulerCustomizer> customizers) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		EmbeddedScheduler.Settings settings = new EmbeddedScheduler.Settings(scheduler.getConcurrency(),
				scheduler.getClaimBatchSize(), scheduler.getLeaseDuration(), scheduler.getInstanceTimeout(),
				scheduler.getPollInterval(), scheduler.getShutdownTimeout(), scheduler.getRetention());
		for (DispatchSchedulerCustomizer customizer : customizers.orderedStream().toList()) {
			settings = customizer.customize(settings);
		}
		return settings;
	}

	@Bean
	StoreOutage dispatchStoreOutage() {
		return new StoreOutage();
	}

	@Bean
	CallExecution dispatchCallExecution(CallStore store, CallInvoker invoker, FunctionPolicies policies,
			DispatchRequestLimits limits, StoreOutage outage, Clock clock, ObjectProvider<SchedulerEvents> events,
			ObjectProvider<CallTracing> tracing) {
		SchedulerEvents told = events.getIfAvailable(() -> SchedulerEvents.NONE);
		return new CallExecution(new TransitionWriter(store, told), invoker, policies, limits, outage, clock, told,
				tracing.getIfAvailable(() -> CallTracing.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	EmbeddedScheduler dispatchScheduler(CallStore store, CallExecution execution, ResultWaiter waiter,
			RegisteredInstances instances, EmbeddedScheduler.Settings settings, StoreOutage outage, Clock clock) {
		return new EmbeddedScheduler(store, execution, waiter,
				EmbeddedScheduler.Parts.of(store, instances, settings, outage, clock), settings);
	}

	@Bean
	@ConditionalOnMissingBean
	CallSubmitter dispatchCallSubmitter(CallStore store, EmbeddedScheduler scheduler, ResultWaiter waiter,
			FunctionPolicies policies, Clock clock, ObjectProvider<SchedulerEvents> events,
			ObjectProvider<CallTracing> tracing) {
		return new EmbeddedCallSubmitter(store, scheduler, waiter, clock, policies,
				events.getIfAvailable(() -> SchedulerEvents.NONE),
				tracing.getIfAvailable(() -> CallTracing.NONE));
	}

}
