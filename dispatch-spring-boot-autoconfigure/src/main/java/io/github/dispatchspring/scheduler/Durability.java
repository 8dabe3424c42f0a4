package io.github.dispatchspring.scheduler;

/**
 * How far the store goes before a write counts as done.
 */
public enum Durability {

	/**
	 * Every write is forced to stable storage before anyone sees it: ids, results, suspensions and
	 * leases survive a process kill, an operating system crash and a power loss.
	 */
	SYNC,

	/**
	 * Writes are committed without waiting for stable storage: they survive a kill of the
	 * application's process, but an operating system crash or a power loss (and, on PostgreSQL, a
	 * crash of the database server) loses the writes of the last fraction of a second, accepted calls
	 * included.
	 */
	RELAXED

}
