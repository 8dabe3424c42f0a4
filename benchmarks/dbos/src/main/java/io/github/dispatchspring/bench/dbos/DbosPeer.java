package io.github.dispatchspring.bench.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.StepOptions;
import io.github.dispatchspring.bench.common.DurablePeer;
import io.github.dispatchspring.bench.common.PostgresConnection;
import io.github.dispatchspring.bench.common.WorkloadParameters;

/** DBOS Transact launched in this JVM on one PostgreSQL database, with the workload workflows. */
final class DbosPeer implements DurablePeer, AutoCloseable {

  private static final String APP_NAME = "dispatch-bench-dbos";

  private final DBOS dbos;
  private final ParentWorkflows parents;

  DbosPeer(PostgresConnection database, WorkloadParameters parameters) {
    var config =
        DBOSConfig.defaults(APP_NAME)
            .withDatabaseUrl(database.jdbcUrl())
            .withDbUser(database.user())
            .withDbPassword(database.password())
            .disableAdminServer();
    dbos = new DBOS(config);
    var children =
        dbos.registerProxy(ChildWorkflows.class, new ChildWorkflowsImpl(dbos, handlerStep(parameters)));
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
  public int fanOut(int n) {
    return parents.fanOut(n);
  }

  @Override
  public String chain(String input, int length) {
    return parents.chain(input, length);
  }

  @Override
  public void close() {
    dbos.shutdown();
  }

  private static StepOptions handlerStep(WorkloadParameters parameters) {
    return new StepOptions(
        "handle",
        parameters.retryMaxAttempts(),
        parameters.retryInitialInterval(),
        parameters.retryMultiplier());
  }
}
