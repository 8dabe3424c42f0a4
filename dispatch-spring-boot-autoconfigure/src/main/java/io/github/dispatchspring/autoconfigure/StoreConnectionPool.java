package io.github.dispatchspring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The store's own HikariCP pool, kept apart so that nothing loads HikariCP unless it is used.
 */
final class StoreConnectionPool {

	private StoreConnectionPool() {
	}

	static StoreDataSource open(DispatchProperties.Jdbc jdbc) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("dispatch-jdbc");
		pool.setJdbcUrl(jdbc.getUrl());
		pool.setUsername(jdbc.getUsername());
		pool.setPassword(jdbc.getPassword());
		pool.setMaximumPoolSize(jdbc.getMaxConnections());
		pool.setConnectionTimeout(jdbc.getConnectionTimeout().toMillis());
		return new StoreDataSource(pool, pool);
	}

}
