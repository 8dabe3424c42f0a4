package io.github.dispatchspring.bench.dbos;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.database.SystemDatabase;
import dev.dbos.transact.workflow.StepOptions;
import io.github.dispatchspring.bench.common.DurablePeer;
import io.github.dispatchspring.bench.common.PostgresConnection;
import io.github.dispatchspring.bench.common.PostgresDurability;
import io.github.dispatchspring.bench.common.WorkloadParameters;

/**
 * DBOS Transact launched in this JVM on one PostgreSQL database, with the workload workflows. Its
 * connection pool is DBOS's default one, created here so that the benchmark can end its idle
 * sessions before reading transaction counts. DBOS commits through that pool at the server's
 * settings, so its durability is the server's.
 */
final class DbosPeer implements DurablePeer, AutoCloseable {

	private static final String APP_NAME = "dispatch-bench-dbos";

	private final HikariDataSource pool;
	private final DBOS dbos;
	private final ParentWorkflows parents;
	private final String durability;

	DbosPeer(
			PostgresConnection database,
			PostgresDurability durability,
			WorkloadParameters parameters) {
		this.durability = durability.describe();
		pool =
				SystemDatabase.createDataSource(database.jdbcUrl(), database.user(), database.password());
		var config =
				DBOSConfig.defaults(APP_NAME)
						.withDatabaseUrl(database.jdbcUrl())
						.withDbUser(database.user())
						.withDbPassword(database.password())
						.withDataSource(pool)
						.disableAdminServer();
		dbos = new DBOS(config);
		var children =
				dbos.registerProxy(
						ChildWorkflows.class, new ChildWorkflowsImpl(dbos, handlerStep(parameters)));
		parents = dbos.registerProxy(ParentWorkflows.class, new ParentWorkflowsImpl(dbos, children));
		dbos.launch();
	}

	@Override
	public String system() {
		return "dbos";
	}

	@Override
	public String variant() {
		return "child-workflow+step";
	}

	@Override
	public String durability() {
		return durability;
	}

	@Override
	public int fanOut(int n) {
		return parents.fanOut(n);
	}

	@Override
	public String chain(String input, int length) {
		return parents.chain(input, length);
	}

	/** Closes the pool's idle sessions; PostgreSQL publishes a session's statistics as it ends. */
	void endIdleSessions() {
		pool.getHikariPoolMXBean().softEvictConnections();
	}

	@Override
	public void close() {
		try {
			dbos.shutdown();
		} finally {
			pool.close();
		}
	}

	private static StepOptions handlerStep(WorkloadParameters parameters) {
		return new StepOptions(
				"handle",
				parameters.retryMaxAttempts(),
				parameters.retryInitialInterval(),
				parameters.retryMultiplier());
	}
}
