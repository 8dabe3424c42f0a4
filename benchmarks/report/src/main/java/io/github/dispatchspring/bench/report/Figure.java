package io.github.dispatchspring.bench.report;

import java.util.function.ToDoubleFunction;

/**
 * The figures of the report: which workload and size each comes from, what it reads of a
 * measurement, and which way is better.
 */
enum Figure {

	W1_1000("W1 N=1,000 calls/s", "W1", 1000, Measurement::callsPerSecond, true),

	W1_10000("W1 N=10,000 calls/s", "W1", 10000, Measurement::callsPerSecond, true),

	W2_WALL("W2 wall ms", "W2", -1, Measurement::wallMs, false),

	W3_MEDIAN_STEP("W3 median step ms", "W3", -1, Measurement::medianStepOverheadMs, false),

	W3_P99_STEP("W3 p99 step ms", "W3", -1, Measurement::p99StepOverheadMs, false),

	XACT_PER_CALL("PostgreSQL xact/call (W1 10k)", "W1", 10000, Measurement::xactPerCall, false);

	private final String header;

	private final String workload;

	private final int n;

	private final ToDoubleFunction<Measurement> metric;

	private final boolean higherIsBetter;

	Figure(String header, String workload, int n, ToDoubleFunction<Measurement> metric, boolean higherIsBetter) {
		this.header = header;
		this.workload = workload;
		this.n = n;
		this.metric = metric;
		this.higherIsBetter = higherIsBetter;
	}

	/**
	 * The header of a Markdown table: a first column, one right-aligned column per figure, then the
	 * given columns.
	 */
	static String tableHeader(String first, String... more) {
		StringBuilder header = new StringBuilder("| ").append(first).append(" |");
		StringBuilder alignment = new StringBuilder("|---|");
		for (Figure figure : values()) {
			header.append(' ').append(figure.header).append(" |");
			alignment.append("---:|");
		}
		for (String column : more) {
			header.append(' ').append(column).append(" |");
			alignment.append("---|");
		}
		return header.append('\n').append(alignment).append('\n').toString();
	}

	/** Whether the measurement is of this figure's workload and size. */
	boolean measuredBy(Measurement measurement) {
		return measurement.is(this.workload, this.n);
	}

	double valueOf(Measurement measurement) {
		return this.metric.applyAsDouble(measurement);
	}

	/** How many times better {@code value} is than {@code other}: above 1 when it is ahead. */
	double advantage(double value, double other) {
		return this.higherIsBetter ? value / other : other / value;
	}

}
