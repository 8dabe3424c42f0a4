package io.github.dispatchspring.bench.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;
import dev.dbos.transact.workflow.WorkflowHandle;
import io.github.dispatchspring.bench.common.CallInputs;
import java.util.ArrayList;

/** Parents that start every child call as a child workflow and wait for its handle. */
final class ParentWorkflowsImpl implements ParentWorkflows {

	private final DBOS dbos;
	private final ChildWorkflows children;

	ParentWorkflowsImpl(DBOS dbos, ChildWorkflows children) {
		this.dbos = dbos;
		this.children = children;
	}

	@Override
	@Workflow(name = "fanOut")
	public int fanOut(int n) {
		var handles = new ArrayList<WorkflowHandle<String, RuntimeException>>(n);
		for (int i = 0; i < n; i++) {
			String input = CallInputs.of(i);
			handles.add(dbos.startWorkflow(() -> children.call(input)));
		}
		for (int i = 0; i < n; i++) {
			CallInputs.requireResultAt(i, handles.get(i).getResult());
		}
		return handles.size();
	}

	@Override
	@Workflow(name = "chain")
	public String chain(String input, int length) {
		String value = input;
		for (int i = 0; i < length; i++) {
			String previous = value;
			value = dbos.startWorkflow(() -> children.call(previous)).getResult();
		}
		return value;
	}
}
