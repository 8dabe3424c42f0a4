package io.github.dispatchspring.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.durable.ChildCalls;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.scheduler.CallExecution;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.DispatchApi;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.scheduler.DispatchRequestLimits;
import io.github.dispatchspring.scheduler.EmbeddedCallSubmitter;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.EndpointRequestSigner;
import io.github.dispatchspring.scheduler.HttpCallInvoker;
import io.github.dispatchspring.scheduler.LocalCallInvoker;
import io.github.dispatchspring.scheduler.ResultWaiter;
import io.github.dispatchspring.scheduler.RetryPolicy;
import io.github.dispatchspring.scheduler.SignatureEndpointRequestSigner;
import io.github.dispatchspring.scheduler.StoredChildCalls;
import io.github.dispatchspring.webhook.BearerAuthentication;
import io.github.dispatchspring.webhook.RequestAuthentication;
import io.github.dispatchspring.webhook.WireExchange;
import io.github.dispatchspring.webhook.signature.RequestSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The scheduler embedded in the application, used when no remote Dispatch API is configured. Its
 * requests to endpoints are signed when {@code dispatch.signing-key} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedSchedulerCondition.class)
@Import(CallStoreConfiguration.class)
final class EmbeddedSchedulerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnKeyPropertyCondition.SigningKey.class)
	EndpointRequestSigner dispatchEndpointRequestSigner(DispatchProperties properties) {
		return new SignatureEndpointRequestSigner(
				new RequestSigner(SignatureKey.SIGNING_KEY.parse(properties.getSigningKey()), Clock.systemUTC()));
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
			FunctionRunner runner, DispatchProperties properties, ObjectProvider<EndpointRequestSigner> signer) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		DispatchProperties.Retry retry = scheduler.getRetry();
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpCallInvoker remote = new HttpCallInvoker(httpClient, scheduler.getHttpTimeout(),
				signer.getIfAvailable(() -> EndpointRequestSigner.NONE));
		RetryPolicy retryPolicy = new RetryPolicy(retry.getInitialInterval(), retry.getMultiplier(),
				retry.getMaxInterval(), retry.getMaxAttempts());
		CallInvoker invoker = scheduler.isInProcess() ? new LocalCallInvoker(registry, runner, remote) : remote;
		CallExecution execution = new CallExecution(store, invoker, retryPolicy, Clock.systemUTC());
		return new EmbeddedScheduler(store, execution, waiter,
				new EmbeddedScheduler.Settings(scheduler.getConcurrency(), scheduler.getClaimBatchSize(),
						scheduler.getLeaseDuration(), scheduler.getPollInterval(), scheduler.getShutdownTimeout(),
						scheduler.getRetention()));
	}

	@Bean
	@ConditionalOnMissingBean
	CallSubmitter dispatchCallSubmitter(CallStore store, EmbeddedScheduler scheduler, ResultWaiter waiter,
			DispatchProperties properties) {
		return new EmbeddedCallSubmitter(store, scheduler, waiter, Clock.systemUTC(),
				properties.getScheduler().getDefaultExpiration());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static final class DispatchApiConfiguration {

		@Bean
		DispatchApi dispatchApi(CallSubmitter submitter, CallStore store, DispatchProperties properties) {
			String apiKey = properties.getApiKey();
			RequestAuthentication authentication = (apiKey != null && !apiKey.isEmpty())
					? new BearerAuthentication(apiKey) : RequestAuthentication.NONE;
			DispatchProperties.Api api = properties.getApi();
			return new DispatchApi(submitter, store, authentication,
					new DispatchRequestLimits(api.getMaxCallsPerRequest(), api.getMaxInputSize().toBytes()),
					api.getWaitTimeout());
		}

		@Bean
		DispatchApiController dispatchApiController(DispatchApi api, WireExchange exchange) {
			return new DispatchApiController(api, exchange);
		}

	}

}
