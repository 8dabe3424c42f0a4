package io.github.dispatchspring.bench.report;

/**
 * One RESULT line of a benchmark run.
 *
 * @param run which repetition of the benchmark the line comes from
 * @param system the system measured
 * @param variant how it was wired
 * @param durability how far the system's writes went, as read from the running system
 * @param workload W1, W2 or W3
 * @param n the number of calls (W1, W2) or parents (W3)
 * @param wallMs the wall time of the run
 * @param callsPerSecond calls per second (W1, W2), or -1
 * @param invocations handler invocations counted
 * @param expectedInvocations invocations of a correct system
 * @param medianStepOverheadMs median overhead per chain step (W3), or -1
 * @param p99StepOverheadMs 99th percentile overhead per chain step (W3), or -1
 * @param xactPerCall PostgreSQL transactions per call, or -1
 */
record Measurement(int run, String system, String variant, String durability, String workload, int n, double wallMs,
		double callsPerSecond, long invocations, long expectedInvocations, double medianStepOverheadMs,
		double p99StepOverheadMs, double xactPerCall) {

	String label() {
		return this.variant.isEmpty() ? this.system : this.system + " " + this.variant;
	}

	boolean is(String workload, int n) {
		return this.workload.equals(workload) && (n < 0 || this.n == n);
	}

	boolean invokedAsExpected() {
		return this.invocations == this.expectedInvocations;
	}

}
