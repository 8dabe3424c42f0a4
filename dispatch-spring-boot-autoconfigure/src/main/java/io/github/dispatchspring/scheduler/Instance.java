package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.Set;

/**
 * An instance of an application as registered in a store it shares with others.
 *
 * @param application the application's name ({@code spring.application.name})
 * @param endpoint the URL of the instance's Dispatch endpoint
 * @param functions the names of the functions registered there
 * @param startedAt when the instance started
 */
public record Instance(String application, String endpoint, Set<String> functions, Instant startedAt) {

	public Instance {
		functions = Set.copyOf(functions);
	}

}
