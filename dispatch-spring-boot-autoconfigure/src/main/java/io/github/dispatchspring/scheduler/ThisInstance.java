package io.github.dispatchspring.scheduler;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The instances of this application as far as this instance knows without a registry: itself.
 */
public final class ThisInstance implements ApplicationInstances {

	private final Supplier<String> endpoint;

	/**
	 * Creates the instance set.
	 * @param endpoint the URL of this instance's endpoint, which may change once its web server started
	 */
	public ThisInstance(Supplier<String> endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public Set<String> endpoints() {
		return Set.of(this.endpoint.get());
	}

}
