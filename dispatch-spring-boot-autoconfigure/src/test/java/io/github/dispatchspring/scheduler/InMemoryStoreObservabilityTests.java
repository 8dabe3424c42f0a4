package io.github.dispatchspring.scheduler;

import java.time.Clock;

/**
 * What {@link InMemoryCallStore} keeps and tells for watching it.
 */
class InMemoryStoreObservabilityTests extends StoreObservabilityContractTests {

	@Override
	protected Observed createStore(Clock clock) {
		InMemoryCallStore store = new InMemoryCallStore(clock);
		return new Observed(store, store);
	}

}
