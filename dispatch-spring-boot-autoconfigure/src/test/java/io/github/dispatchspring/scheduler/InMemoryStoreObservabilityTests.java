package io.github.dispatchspring.scheduler;

import java.time.Clock;

/**
 * What {@link InMemoryCallStore} keeps and tells for watching it.
 */
class InMemoryStoreObservabilityTests extends StoreObservabilityContractTests {

	@Override
	protected Observed createStore(Clock clock, FlowControl flow) {
		InMemoryCallStore store = new InMemoryCallStore(clock, flow);
		return new Observed(store, store);
	}

}
