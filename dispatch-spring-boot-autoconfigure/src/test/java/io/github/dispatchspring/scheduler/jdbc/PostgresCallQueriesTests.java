package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;

import io.github.dispatchspring.scheduler.CallQueriesContractTests;
import io.github.dispatchspring.scheduler.CallStore;

/**
 * The queries and actions of {@link JdbcCallStore} over PostgreSQL, a fresh database per test.
 */
class PostgresCallQueriesTests extends CallQueriesContractTests {

	@Override
	protected CallStore createStore(Clock clock) {
		return MigratedStores.store(PostgresTestDatabase.create().dataSource(), "dispatch_", clock);
	}

}
