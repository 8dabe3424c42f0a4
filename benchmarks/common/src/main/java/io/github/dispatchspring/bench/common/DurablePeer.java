package io.github.dispatchspring.bench.common;

/** A durable-execution system wired for the workloads. */
public interface DurablePeer {

	String system();

	/** Which wiring of the system this is; may be empty. */
	String variant();

	/**
	 * How far the system's writes go before it lets anyone see them, read from the running system
	 * where it can be (for example PostgreSQL's settings), for the report.
	 */
	String durability();

	/**
	 * Runs one parent that makes {@code n} child calls with {@link CallInputs#of} inputs, gathers
	 * their results in call order and checks them with {@link CallInputs#requireResultAt}. Returns
	 * the number of results the parent gathered.
	 */
	int fanOut(int n) throws Exception;

	/**
	 * Runs one parent that makes {@code length} child calls one after another, each with the
	 * previous result as input, and returns the last result.
	 */
	String chain(String input, int length) throws Exception;
}
