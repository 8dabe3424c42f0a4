package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.Durability;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Dispatch, under the prefix {@code dispatch}. The top-level keys match the Dispatch
 * environment variables ({@code DISPATCH_API_KEY}, {@code DISPATCH_API_URL},
 * {@code DISPATCH_ENDPOINT_URL}, {@code DISPATCH_VERIFICATION_KEY}).
 */
@ConfigurationProperties("dispatch")
public class DispatchProperties {

	/**
	 * API key: required by the embedded Dispatch API, which refuses every request without one unless
	 * dispatch.api.allow-unauthenticated is set, and sent to a remote one.
	 */
	private @Nullable String apiKey;

	/**
	 * URL of a remote Dispatch API; when set, calls go there and the embedded scheduler does not start.
	 */
	private @Nullable String apiUrl;

	/**
	 * Public URL of this application's Dispatch endpoint; the application's own server address when
	 * not set.
	 */
	private @Nullable String endpointUrl;

	/**
	 * Ed25519 public key of a scheduler whose signed requests the webhook accepts, as PEM or base64 of
	 * the raw 32 bytes, besides those of the embedded scheduler.
	 */
	private @Nullable String verificationKey;

	/**
	 * Ed25519 private key the embedded scheduler signs its requests to endpoints with, as PEM or base64
	 * of the raw 32 bytes; a key pair generated and kept in the store when not set.
	 */
	private @Nullable String signingKey;

	/**
	 * Maximum size of a request body accepted by the webhook and the Dispatch API, and of the journal
	 * a function suspended by a scheduler that does not share the store hands back.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(16);

	/**
	 * Maximum number of request bodies the webhook and the Dispatch API read at once; a request that
	 * waits more than a second for the others is answered 429.
	 */
	private int maxConcurrentReads = 16;

	private final Client client = new Client();

	private final Scheduler scheduler = new Scheduler();

	private final Api api = new Api();

	private final Webhook webhook = new Webhook();

	private final Dashboard dashboard = new Dashboard();

	private final Defaults defaults = new Defaults();

	/**
	 * Settings of single functions by name, over the defaults; a name with dots is written in
	 * brackets, as in dispatch.functions[billing.charge].timeout.
	 */
	private Map<String, Function> functions = new LinkedHashMap<>();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(@Nullable String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public @Nullable String getEndpointUrl() {
		return this.endpointUrl;
	}

	public void setEndpointUrl(@Nullable String endpointUrl) {
		this.endpointUrl = endpointUrl;
	}

	public @Nullable String getVerificationKey() {
		return this.verificationKey;
	}

	public void setVerificationKey(@Nullable String verificationKey) {
		this.verificationKey = verificationKey;
	}

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public int getMaxConcurrentReads() {
		return this.maxConcurrentReads;
	}

	public void setMaxConcurrentReads(int maxConcurrentReads) {
		this.maxConcurrentReads = maxConcurrentReads;
	}

	public Client getClient() {
		return this.client;
	}

	public Scheduler getScheduler() {
		return this.scheduler;
	}

	public Api getApi() {
		return this.api;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Dashboard getDashboard() {
		return this.dashboard;
	}

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Map<String, Function> getFunctions() {
		return this.functions;
	}

	public void setFunctions(Map<String, Function> functions) {
		this.functions = functions;
	}

	/**
	 * What applies to the calls of every function that does not set its own.
	 */
	public static class Defaults {

		private final Retry retry = new Retry();

		/**
		 * Longest time one run of a call may take.
		 */
		private Duration timeout = Duration.ofMinutes(4);

		/**
		 * How long a call may take from dispatch to outcome, across attempts; calls never expire when
		 * not set.
		 */
		private @Nullable Duration expiration;

		public Retry getRetry() {
			return this.retry;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getExpiration() {
			return this.expiration;
		}

		public void setExpiration(@Nullable Duration expiration) {
			this.expiration = expiration;
		}

	}

	/**
	 * The settings of one function; what is not set comes from its annotation, then the defaults.
	 */
	public static class Function {

		private final FunctionRetry retry = new FunctionRetry();

		/**
		 * Longest time one run of a call of the function may take.
		 */
		private @Nullable Duration timeout;

		/**
		 * How long a call of the function may take from dispatch to outcome, across attempts.
		 */
		private @Nullable Duration expiration;

		/**
		 * Most calls of the function running at once, across all instances sharing the store.
		 */
		private @Nullable Integer concurrency;

		private final RateLimit rateLimit = new RateLimit();

		/**
		 * Which calls go first when calls of several functions compete for workers: higher first.
		 */
		private @Nullable Integer priority;

		public FunctionRetry getRetry() {
			return this.retry;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getExpiration() {
			return this.expiration;
		}

		public void setExpiration(@Nullable Duration expiration) {
			this.expiration = expiration;
		}

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

		public @Nullable Integer getPriority() {
			return this.priority;
		}

		public void setPriority(@Nullable Integer priority) {
			this.priority = priority;
		}

	}

	/**
	 * Retries of the failed calls of one function.
	 */
	public static class FunctionRetry {

		/**
		 * Delay before the first retry.
		 */
		private @Nullable Duration initialInterval;

		/**
		 * Factor by which the delay grows with each retry.
		 */
		private @Nullable Double multiplier;

		/**
		 * Longest delay between two attempts.
		 */
		private @Nullable Duration maxInterval;

		/**
		 * Attempts after which a call that keeps failing ends with its last error; 0 for no limit.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Randomization factor of each delay, from 0 (none) to 1 (anywhere from none to twice the delay).
		 */
		private @Nullable Double jitter;

		/**
		 * Retryable statuses that end a call of the function at once, such as THROTTLED.
		 */
		private @Nullable List<DispatchStatus> noRetryStatuses;

		/**
		 * Error types that end a call of the function at once: exception class names, which match their
		 * subclasses too.
		 */
		private @Nullable List<String> noRetryErrors;

		public @Nullable Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(@Nullable Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(@Nullable Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Double getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Double jitter) {
			this.jitter = jitter;
		}

		public @Nullable List<DispatchStatus> getNoRetryStatuses() {
			return this.noRetryStatuses;
		}

		public void setNoRetryStatuses(@Nullable List<DispatchStatus> noRetryStatuses) {
			this.noRetryStatuses = noRetryStatuses;
		}

		public @Nullable List<String> getNoRetryErrors() {
			return this.noRetryErrors;
		}

		public void setNoRetryErrors(@Nullable List<String> noRetryErrors) {
			this.noRetryErrors = noRetryErrors;
		}

	}

	/**
	 * At most a number of starts of calls of one function in a period, across instances.
	 */
	public static class RateLimit {

		/**
		 * Most calls of the function that start within one period; no limit when not set.
		 */
		private @Nullable Integer limit;

		/**
		 * The period the limit counts starts in.
		 */
		private Duration period = Duration.ofSeconds(1);

		public @Nullable Integer getLimit() {
			return this.limit;
		}

		public void setLimit(@Nullable Integer limit) {
			this.limit = limit;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

	/**
	 * The client.
	 */
	public static class Client {

		/**
		 * How long gather and await wait for results outside functions.
		 */
		private Duration awaitTimeout = Duration.ofHours(1);

		/**
		 * Timeout of one request to a remote Dispatch API.
		 */
		private Duration requestTimeout = Duration.ofSeconds(30);

		public Duration getAwaitTimeout() {
			return this.awaitTimeout;
		}

		public void setAwaitTimeout(Duration awaitTimeout) {
			this.awaitTimeout = awaitTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

	}

	/**
	 * The embedded scheduler.
	 */
	public static class Scheduler {

		/**
		 * Where the scheduler keeps its calls.
		 */
		private Store store = Store.EMBEDDED;

		/**
		 * Whether the store waits for stable storage before a write is seen ("sync"), or commits
		 * without waiting and may lose the last writes in an operating system or database crash
		 * ("relaxed").
		 */
		private Durability durability = Durability.SYNC;

		private final Embedded embedded = new Embedded();

		private final Jdbc jdbc = new Jdbc();

		/**
		 * Maximum number of calls running at once in this instance.
		 */
		private int concurrency = 64;

		/**
		 * Maximum number of due calls leased in one claim.
		 */
		private int claimBatchSize = 256;

		/**
		 * How long a lease on a call lasts unless the instance running the call renews it: the last
		 * resort for the calls of an instance that is alive but stuck.
		 */
		private Duration leaseDuration = Duration.ofMinutes(5);

		/**
		 * How long an instance sharing the store may miss its heartbeats before the others run its
		 * calls again; each instance renews its heartbeat three times within this time.
		 */
		private Duration instanceTimeout = Duration.ofSeconds(10);

		/**
		 * How often the store is checked for due calls when nothing signalled new work.
		 */
		private Duration pollInterval = Duration.ofMillis(100);

		/**
		 * How long running calls may take to finish when the application stops; the calls still
		 * running then are handed back to run again at once elsewhere or after a restart.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * How long ended calls and their results are kept; kept for ever when set to 0.
		 */
		private Duration retention = Duration.ofDays(7);

		/**
		 * Expiration of calls that set none.
		 */
		private @Nullable Duration defaultExpiration;

		/**
		 * Whether calls of this application's own functions run in-process; when false they go to
		 * their endpoint over HTTP like the calls of other applications.
		 */
		private boolean inProcess = true;

		/**
		 * Timeout of one call to a function over HTTP.
		 */
		private @Nullable Duration httpTimeout;

		/**
		 * URL prefixes of the endpoints calls may go to besides this application's own instances,
		 * such as https://billing.internal:8443; "*" allows every endpoint.
		 */
		private List<String> allowedEndpoints = new ArrayList<>();

		private final SchedulerRetry retry = new SchedulerRetry();

		private final Endpoints endpoints = new Endpoints();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Durability getDurability() {
			return this.durability;
		}

		public void setDurability(Durability durability) {
			this.durability = durability;
		}

		public Embedded getEmbedded() {
			return this.embedded;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getClaimBatchSize() {
			return this.claimBatchSize;
		}

		public void setClaimBatchSize(int claimBatchSize) {
			this.claimBatchSize = claimBatchSize;
		}

		public Duration getLeaseDuration() {
			return this.leaseDuration;
		}

		public void setLeaseDuration(Duration leaseDuration) {
			this.leaseDuration = leaseDuration;
		}

		public Duration getInstanceTimeout() {
			return this.instanceTimeout;
		}

		public void setInstanceTimeout(Duration instanceTimeout) {
			this.instanceTimeout = instanceTimeout;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.expiration", since = "0.1.0")
		public @Nullable Duration getDefaultExpiration() {
			return this.defaultExpiration;
		}

		public void setDefaultExpiration(@Nullable Duration defaultExpiration) {
			this.defaultExpiration = defaultExpiration;
		}

		public boolean isInProcess() {
			return this.inProcess;
		}

		public void setInProcess(boolean inProcess) {
			this.inProcess = inProcess;
		}

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.timeout", since = "0.1.0")
		public @Nullable Duration getHttpTimeout() {
			return this.httpTimeout;
		}

		public void setHttpTimeout(@Nullable Duration httpTimeout) {
			this.httpTimeout = httpTimeout;
		}

		public List<String> getAllowedEndpoints() {
			return this.allowedEndpoints;
		}

		public void setAllowedEndpoints(List<String> allowedEndpoints) {
			this.allowedEndpoints = allowedEndpoints;
		}

		public SchedulerRetry getRetry() {
			return this.retry;
		}

		public Endpoints getEndpoints() {
			return this.endpoints;
		}

	}

	/**
	 * The protection of the endpoints calls go to over HTTP, per host.
	 */
	public static class Endpoints {

		/**
		 * How long a call over its host's concurrency limit waits for a slot before it is deferred.
		 */
		private Duration maxWait = Duration.ofSeconds(1);

		private final CircuitBreaker circuitBreaker = new CircuitBreaker();

		private final AdaptiveConcurrency adaptiveConcurrency = new AdaptiveConcurrency();

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public CircuitBreaker getCircuitBreaker() {
			return this.circuitBreaker;
		}

		public AdaptiveConcurrency getAdaptiveConcurrency() {
			return this.adaptiveConcurrency;
		}

	}

	/**
	 * The circuit breaker of each endpoint host.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether calls to a failing host wait until a probe finds it working again.
		 */
		private boolean enabled = true;

		/**
		 * Percentage of failed calls among the last ones that opens the breaker.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Calls the breaker needs to have seen before their failure rate counts.
		 */
		private int minimumNumberOfCalls = 10;

		/**
		 * Last calls the failure rate is taken over.
		 */
		private int slidingWindowSize = 20;

		/**
		 * How long an open breaker holds calls back before letting probes through.
		 */
		private Duration waitInOpenState = Duration.ofSeconds(10);

		/**
		 * Probes a half-open breaker lets through, whose outcome closes or opens it again.
		 */
		private int permittedCallsInHalfOpenState = 1;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public Duration getWaitInOpenState() {
			return this.waitInOpenState;
		}

		public void setWaitInOpenState(Duration waitInOpenState) {
			this.waitInOpenState = waitInOpenState;
		}

		public int getPermittedCallsInHalfOpenState() {
			return this.permittedCallsInHalfOpenState;
		}

		public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
			this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
		}

	}

	/**
	 * The adaptive concurrency limit of each endpoint host.
	 */
	public static class AdaptiveConcurrency {

		/**
		 * Whether the calls sent at once to a host follow what it serves, growing and halving.
		 */
		private boolean enabled = true;

		/**
		 * Limit each host starts with.
		 */
		private int initial = 64;

		/**
		 * Lowest limit.
		 */
		private int min = 1;

		/**
		 * Highest limit.
		 */
		private int max = 256;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getInitial() {
			return this.initial;
		}

		public void setInitial(int initial) {
			this.initial = initial;
		}

		public int getMin() {
			return this.min;
		}

		public void setMin(int min) {
			this.min = min;
		}

		public int getMax() {
			return this.max;
		}

		public void setMax(int max) {
			this.max = max;
		}

	}

	/**
	 * Retries of failed calls.
	 */
	public static class Retry {

		/**
		 * Delay before the first retry.
		 */
		private Duration initialInterval = Duration.ofMillis(100);

		/**
		 * Factor by which the delay grows with each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay between two attempts.
		 */
		private Duration maxInterval = Duration.ofMinutes(1);

		/**
		 * Attempts after which a call that keeps failing ends with its last error; 0 for no limit.
		 */
		private int maxAttempts = 20;

		/**
		 * Randomization factor of each delay, from 0 (none) to 1 (anywhere from none to twice the delay).
		 */
		private double jitter = 0.5;

		/**
		 * Retryable statuses that end a call at once, such as THROTTLED.
		 */
		private List<DispatchStatus> noRetryStatuses = new ArrayList<>();

		/**
		 * Error types that end a call at once: exception class names, which match their subclasses too.
		 */
		private List<String> noRetryErrors = new ArrayList<>();

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public List<DispatchStatus> getNoRetryStatuses() {
			return this.noRetryStatuses;
		}

		public void setNoRetryStatuses(List<DispatchStatus> noRetryStatuses) {
			this.noRetryStatuses = noRetryStatuses;
		}

		public List<String> getNoRetryErrors() {
			return this.noRetryErrors;
		}

		public void setNoRetryErrors(List<String> noRetryErrors) {
			this.noRetryErrors = noRetryErrors;
		}

	}

	/**
	 * Retries of failed calls, as first configured under the scheduler.
	 */
	public static class SchedulerRetry {

		/**
		 * Delay before the first retry.
		 */
		private @Nullable Duration initialInterval;

		/**
		 * Factor by which the delay grows with each retry.
		 */
		private @Nullable Double multiplier;

		/**
		 * Longest delay between two attempts.
		 */
		private @Nullable Duration maxInterval;

		/**
		 * Attempts after which a call that keeps failing ends with its last error; 0 for no limit.
		 */
		private @Nullable Integer maxAttempts;

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.retry.initial-interval", since = "0.1.0")
		public @Nullable Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(@Nullable Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.retry.multiplier", since = "0.1.0")
		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.retry.max-interval", since = "0.1.0")
		public @Nullable Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(@Nullable Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "dispatch.defaults.retry.max-attempts", since = "0.1.0")
		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

	}

	/**
	 * The embedded scheduler's Dispatch API.
	 */
	public static class Api {

		/**
		 * Maximum number of calls in one DispatchRequest.
		 */
		private int maxCallsPerRequest = 10_000;

		/**
		 * Maximum serialized size of the input of one call in a DispatchRequest, or in a poll
		 * or tail call an endpoint answers the scheduler with.
		 */
		private DataSize maxInputSize = DataSize.ofMegabytes(1);

		/**
		 * How long one Wait request waits for a result before answering 408.
		 */
		private Duration waitTimeout = Duration.ofSeconds(30);

		/**
		 * Whether the Dispatch API accepts requests without the API key, from anyone who can reach
		 * it; for local development only.
		 */
		private boolean allowUnauthenticated;

		public int getMaxCallsPerRequest() {
			return this.maxCallsPerRequest;
		}

		public void setMaxCallsPerRequest(int maxCallsPerRequest) {
			this.maxCallsPerRequest = maxCallsPerRequest;
		}

		public DataSize getMaxInputSize() {
			return this.maxInputSize;
		}

		public void setMaxInputSize(DataSize maxInputSize) {
			this.maxInputSize = maxInputSize;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

		public boolean isAllowUnauthenticated() {
			return this.allowUnauthenticated;
		}

		public void setAllowUnauthenticated(boolean allowUnauthenticated) {
			this.allowUnauthenticated = allowUnauthenticated;
		}

	}

	/**
	 * The webhook that runs this application's functions.
	 */
	public static class Webhook {

		/**
		 * Whether the webhook runs functions for requests that carry no valid signature, from anyone
		 * who can reach it; for local development only.
		 */
		private boolean allowUnsigned;

		public boolean isAllowUnsigned() {
			return this.allowUnsigned;
		}

		public void setAllowUnsigned(boolean allowUnsigned) {
			this.allowUnsigned = allowUnsigned;
		}

	}

	/**
	 * The dashboard that shows the calls of the embedded scheduler.
	 */
	public static class Dashboard {

		/**
		 * Whether the dashboard is served.
		 */
		private boolean enabled;

		/**
		 * Path of the dashboard's pages and of their JSON API.
		 */
		private String path = "/dispatch";

		/**
		 * How long a login to the dashboard with the API key lasts.
		 */
		private Duration sessionTimeout = Duration.ofHours(8);

		/**
		 * Whether the dashboard is served to anyone who can reach it when neither the API key nor
		 * Spring Security protects it; for local development only.
		 */
		private boolean allowUnauthenticated;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getSessionTimeout() {
			return this.sessionTimeout;
		}

		public void setSessionTimeout(Duration sessionTimeout) {
			this.sessionTimeout = sessionTimeout;
		}

		public boolean isAllowUnauthenticated() {
			return this.allowUnauthenticated;
		}

		public void setAllowUnauthenticated(boolean allowUnauthenticated) {
			this.allowUnauthenticated = allowUnauthenticated;
		}

	}

	/**
	 * The embedded file database.
	 */
	public static class Embedded {

		/**
		 * Directory of the embedded database, created on first start.
		 */
		private String directory = ".dispatch";

		public String getDirectory() {
			return this.directory;
		}

		public void setDirectory(String directory) {
			this.directory = directory;
		}

	}

	/**
	 * A relational database shared by several instances.
	 */
	public static class Jdbc {

		/**
		 * JDBC URL of a database for the scheduler alone; the application's DataSource when not set.
		 */
		private @Nullable String url;

		/**
		 * Login user of that database.
		 */
		private @Nullable String username;

		/**
		 * Login password of that database.
		 */
		private @Nullable String password;

		/**
		 * Prefix of the scheduler's table names, so that it can share a database with the application.
		 */
		private String tablePrefix = "dispatch_";

		/**
		 * Maximum number of connections to that database.
		 */
		private int maxConnections = 16;

		/**
		 * How long to wait for a connection to that database before a dispatch fails as a temporary
		 * error.
		 */
		private Duration connectionTimeout = Duration.ofSeconds(10);

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getConnectionTimeout() {
			return this.connectionTimeout;
		}

		public void setConnectionTimeout(Duration connectionTimeout) {
			this.connectionTimeout = connectionTimeout;
		}

	}

	/**
	 * Where the embedded scheduler keeps its calls.
	 */
	public enum Store {

		/**
		 * A file database inside the application, durable across restarts.
		 */
		EMBEDDED,

		/**
		 * A relational database (PostgreSQL) that several instances share.
		 */
		JDBC,

		/**
		 * In the heap: lost when the application stops; for tests.
		 */
		MEMORY

	}

}
