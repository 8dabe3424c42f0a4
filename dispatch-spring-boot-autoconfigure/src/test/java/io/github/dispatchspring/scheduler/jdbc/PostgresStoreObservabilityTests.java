package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.StoreObservabilityContractTests;

/**
 * What {@link JdbcCallStore} over PostgreSQL keeps and {@link JdbcStoreStatistics} tells of it.
 */
class PostgresStoreObservabilityTests extends StoreObservabilityContractTests {

	@Override
	protected Observed createStore(Clock clock, FlowControl flow) {
		DataSource dataSource = PostgresTestDatabase.create().dataSource();
		return new Observed(MigratedStores.store(dataSource, "dispatch_", clock, flow),
				new JdbcStoreStatistics(dataSource, "dispatch_"));
	}

}
