package io.github.dispatchspring.scheduler;

import java.time.Clock;

/**
 * Tests for the queries and actions of {@link InMemoryCallStore}.
 */
class InMemoryCallQueriesTests extends CallQueriesContractTests {

	@Override
	protected CallStore createStore(Clock clock) {
		return new InMemoryCallStore(clock);
	}

}
