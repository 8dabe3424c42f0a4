package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Protects the endpoints calls go to over HTTP, per host ({@code scheme://host:port}): a circuit
 * breaker stops sending calls to a host that fails, and an adaptive concurrency limit keeps the calls
 * sent at once to what the host serves. A call its host does not take now is not sent and uses no
 * attempt: it is deferred (see {@link CallDeferredException}).
 */
public final class EndpointProtection {

	private final Settings settings;

	private final Clock clock;

	private final Map<String, EndpointHost> hosts = new ConcurrentHashMap<>();

	private final List<Consumer<EndpointHost>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the protection.
	 * @param settings the circuit breaker and concurrency limit of each host
	 * @param clock the clock
	 */
	public EndpointProtection(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A protection that lets every call through.
	 * @return the protection
	 */
	public static EndpointProtection none() {
		return new EndpointProtection(new Settings(null, null, Duration.ofSeconds(1)), Clock.systemUTC());
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * The hosts calls went to so far.
	 * @return the hosts, in no particular order
	 */
	public List<EndpointHost> hosts() {
		return List.copyOf(this.hosts.values());
	}

	/**
	 * Tells of each host calls go to from now on, the first time they do.
	 * @param listener what hears of them; quick, and never throwing
	 */
	public void onNewHost(Consumer<EndpointHost> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Lets a call go to the host of its URI, or defers it.
	 * @param uri where the call goes
	 * @return the permit to give back with the call's outcome
	 * @throws CallDeferredException if the host does not take the call now
	 */
	EndpointPermit admit(URI uri) {
		if ((this.settings.circuitBreaker() == null && this.settings.concurrency() == null) || uri.getHost() == null
				|| uri.getScheme() == null) {
			return EndpointPermit.NONE;
		}
		return host(origin(uri)).admit();
	}

	private EndpointHost host(String origin) {
		EndpointHost host = this.hosts.get(origin);
		if (host != null) {
			return host;
		}
		EndpointHost created = new EndpointHost(origin, this.settings, this.clock);
		host = this.hosts.putIfAbsent(origin, created);
		if (host != null) {
			return host;
		}
		this.listeners.forEach((listener) -> listener.accept(created));
		return created;
	}

	/** The origin of a URI, with its default port when it names none. */
	static String origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
	}

	/**
	 * How endpoints are protected.
	 *
	 * @param circuitBreaker the circuit breaker of each host, or {@code null} for none
	 * @param concurrency the concurrency limit of each host, or {@code null} for none
	 * @param maxWait how long a call over the limit waits on its worker for a slot before it is
	 * deferred, and about how long deferred calls wait beyond that
	 */
	public record Settings(@Nullable CircuitBreakerSettings circuitBreaker, @Nullable ConcurrencySettings concurrency,
			Duration maxWait) {

		/** Checks the settings. */
		public Settings {
			if (maxWait.isNegative() || maxWait.isZero()) {
				throw new IllegalArgumentException("The wait for an endpoint is positive, not " + maxWait);
			}
		}

	}

	/**
	 * When a host's circuit breaker opens and how it probes the host again: a Resilience4j circuit
	 * breaker over a window of the last calls.
	 *
	 * @param failureRateThreshold the percentage of failed calls in the window that opens it
	 * @param minimumNumberOfCalls the calls in the window before the rate counts
	 * @param slidingWindowSize the last calls the rate is taken over
	 * @param waitInOpenState how long it stays open before letting probes through
	 * @param permittedCallsInHalfOpenState the probes let through, whose outcome closes or opens it
	 */
	public record CircuitBreakerSettings(float failureRateThreshold, int minimumNumberOfCalls, int slidingWindowSize,
			Duration waitInOpenState, int permittedCallsInHalfOpenState) {
	}

	/**
	 * The bounds of a host's adaptive concurrency limit.
	 *
	 * @param initial the limit to start with
	 * @param min the lowest limit
	 * @param max the highest limit
	 */
	public record ConcurrencySettings(int initial, int min, int max) {
	}

}
