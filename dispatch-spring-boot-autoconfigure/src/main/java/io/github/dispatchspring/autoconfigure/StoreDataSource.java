package io.github.dispatchspring.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The database of a SQL store: the embedded file database or a pool of the store's own, closed with
 * the application, or the application's {@link DataSource}, left to the application. It is no
 * {@code DataSource} bean itself, so that the application's own stays the only one.
 *
 * @param dataSource the database
 * @param pool what to close with the application, or {@code null} when the database is the application's
 */
record StoreDataSource(DataSource dataSource, @Nullable AutoCloseable pool) implements AutoCloseable {

	private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	/**
	 * Opens a pool of the store's own to {@code dispatch.scheduler.jdbc.url}.
	 * @param jdbc the settings
	 * @param classLoader the application's class loader
	 * @return the pool
	 */
	static StoreDataSource pool(DispatchProperties.Jdbc jdbc, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(HIKARI, classLoader)) {
			throw new IllegalStateException("dispatch.scheduler.jdbc.url is set, and the store's connection pool "
					+ "needs HikariCP: add com.zaxxer:HikariCP to the application (the starter brings it), or leave "
					+ "dispatch.scheduler.jdbc.url out to use the application's DataSource");
		}
		return StoreConnectionPool.open(jdbc);
	}

	@Override
	public void close() throws Exception {
		if (this.pool != null) {
			this.pool.close();
		}
	}

}
