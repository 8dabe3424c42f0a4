package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallStoreContractTests;
import io.github.dispatchspring.scheduler.FlowControl;

/**
 * The store contract on {@link JdbcCallStore} over PostgreSQL, a fresh database per test.
 */
class PostgresCallStoreTests extends CallStoreContractTests {

	@Override
	protected CallStore createStore(Clock clock, FlowControl flow) {
		return MigratedStores.store(PostgresTestDatabase.create().dataSource(), "dispatch_", clock, flow);
	}

}
