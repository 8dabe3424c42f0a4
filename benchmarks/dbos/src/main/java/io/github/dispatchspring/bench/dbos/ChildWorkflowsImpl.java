package io.github.dispatchspring.bench.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.StepOptions;
import dev.dbos.transact.workflow.Workflow;
import io.github.dispatchspring.bench.common.CallHandler;

/**
 * A child workflow that runs the handler as one step: in DBOS, steps are what gets retried, so the
 * step carries the shared retry policy.
 */
final class ChildWorkflowsImpl implements ChildWorkflows {

	private final DBOS dbos;
	private final StepOptions handlerStep;

	ChildWorkflowsImpl(DBOS dbos, StepOptions handlerStep) {
		this.dbos = dbos;
		this.handlerStep = handlerStep;
	}

	@Override
	@Workflow(name = "call")
	public String call(String input) {
		return dbos.runStep(() -> CallHandler.handle(input), handlerStep);
	}
}
