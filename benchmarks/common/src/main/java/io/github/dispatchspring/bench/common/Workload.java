package io.github.dispatchspring.bench.common;

/** The three workloads every peer runs identically. */
public enum Workload {
	/** Fan-out/fan-in: one parent, N child calls gathered in call order. */
	W1,
	/** W1 where every tenth call fails once with a temporary error and is retried on its own. */
	W2,
	/** Chain: a parent calling three children one after another, many parents in parallel. */
	W3
}
