package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The instances of this application as its store knows them from their heartbeats: this one, and
 * those of the same application name registered in a store shared with others. An instance counts
 * from its first heartbeat until its registration is removed, a day after its last heartbeat, so that
 * calls addressed to an instance that died are still known as this application's. Read without
 * touching the store, unless {@link #refreshed() refreshed}.
 */
public final class RegisteredInstances implements ApplicationInstances {

	private static final Log logger = LogFactory.getLog(RegisteredInstances.class);

	private final String application;

	private final Supplier<String> endpoint;

	private final Supplier<Set<String>> functions;

	private final Supplier<List<Instance>> store;

	private final Instant startedAt;

	private volatile Set<String> registered = Set.of();

	/**
	 * Creates the registry of this instance.
	 * @param application the application's name, shared by all its instances
	 * @param endpoint the URL of this instance's endpoint, which may change once its web server started
	 * @param functions the names of the functions registered in this instance
	 * @param store reads the instances registered in the store
	 * @param clock the clock that tells when the instance started
	 */
	public RegisteredInstances(String application, Supplier<String> endpoint, Supplier<Set<String>> functions,
			Supplier<List<Instance>> store, Clock clock) {
		this.application = application;
		this.endpoint = endpoint;
		this.functions = functions;
		this.store = store;
		this.startedAt = clock.instant();
	}

	/** This instance as it registers itself, with its endpoint and functions as they are now. */
	Instance self() {
		return new Instance(this.application, this.endpoint.get(), this.functions.get(), this.startedAt);
	}

	/** Takes note of the instances a heartbeat found registered in the store. */
	void heard(List<Instance> instances) {
		this.registered = instances.stream()
			.filter((instance) -> instance.application().equals(this.application))
			.map(Instance::endpoint)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * When the store cannot be read, the instances are those heard last.
	 */
	@Override
	public Set<String> refreshed() {
		try {
			heard(this.store.get());
		}
		catch (RuntimeException ex) {
			logger.debug("Reading the instances registered in the store failed", ex);
		}
		return endpoints();
	}

	@Override
	public Set<String> endpoints() {
		Set<String> registered = this.registered;
		String own = this.endpoint.get();
		if (registered.contains(own)) {
			return registered;
		}
		Set<String> endpoints = new HashSet<>(registered);
		endpoints.add(own);
		return Set.copyOf(endpoints);
	}

}
