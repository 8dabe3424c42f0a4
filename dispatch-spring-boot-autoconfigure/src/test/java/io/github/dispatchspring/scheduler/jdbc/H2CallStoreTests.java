package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.util.UUID;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallStoreContractTests;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The store contract on {@link JdbcCallStore} over H2, the embedded default.
 */
class H2CallStoreTests extends CallStoreContractTests {

	@Override
	protected CallStore createStore(Clock clock) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return new JdbcCallStore(dataSource, "dispatch_", clock, null);
	}

}
