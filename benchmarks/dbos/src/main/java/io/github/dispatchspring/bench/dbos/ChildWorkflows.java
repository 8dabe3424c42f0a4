package io.github.dispatchspring.bench.dbos;

/** The child call, as a DBOS workflow. */
public interface ChildWorkflows {

	String call(String input);
}
