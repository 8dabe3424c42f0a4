package io.github.dispatchspring.scheduler;

import java.time.Clock;

/**
 * Tests for {@link InMemoryCallStore}.
 */
class InMemoryCallStoreTests extends CallStoreContractTests {

	@Override
	protected CallStore createStore(Clock clock, FlowControl flow) {
		return new InMemoryCallStore(clock, flow);
	}

}
