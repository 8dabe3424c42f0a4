package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.FlowControl;

/**
 * Creates stores on a database whose tables are migrated first, as the auto-configuration does, for
 * tests that build a {@link JdbcCallStore} directly.
 */
public final class MigratedStores {

	private MigratedStores() {
	}

	/**
	 * Migrates the tables, then creates a store whose writes are forced to stable storage.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @return the store
	 */
	public static JdbcCallStore store(DataSource dataSource, String tablePrefix, Clock clock) {
		return store(dataSource, tablePrefix, clock, Durability.SYNC);
	}

	/**
	 * Migrates the tables, then creates a store.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param durability how far a write goes before it returns
	 * @return the store
	 */
	public static JdbcCallStore store(DataSource dataSource, String tablePrefix, Clock clock, Durability durability) {
		return store(dataSource, tablePrefix, clock, durability, FlowControl.none());
	}

	/**
	 * Migrates the tables, then creates a store whose writes are forced to stable storage, with flow
	 * control.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param flow the order of claims and the limits of functions
	 * @return the store
	 */
	public static JdbcCallStore store(DataSource dataSource, String tablePrefix, Clock clock, FlowControl flow) {
		return store(dataSource, tablePrefix, clock, Durability.SYNC, flow);
	}

	/**
	 * Migrates the tables, then creates a store with flow control.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param clock the clock
	 * @param durability how far a write goes before it returns
	 * @param flow the order of claims and the limits of functions
	 * @return the store
	 */
	public static JdbcCallStore store(DataSource dataSource, String tablePrefix, Clock clock, Durability durability,
			FlowControl flow) {
		new StoreSchema(dataSource, tablePrefix).migrate();
		return new JdbcCallStore(dataSource, tablePrefix, clock, durability, flow);
	}

}
