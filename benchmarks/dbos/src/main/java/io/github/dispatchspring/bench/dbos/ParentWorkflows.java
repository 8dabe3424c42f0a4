package io.github.dispatchspring.bench.dbos;

/** The parents of the workloads, as DBOS workflows. */
public interface ParentWorkflows {

	int fanOut(int n);

	String chain(String input, int length);
}
