package io.github.dispatchspring.bench.report;

import java.util.Optional;

/**
 * Two systems set side by side: how many times better the first one's median is than the second's.
 *
 * @param first the label of the system the ratio speaks for
 * @param second the label of the system it is compared with
 */
record Comparison(String first, String second) {

	/** The reference of the ratios: this project on its embedded store, calls run in-process. */
	static final String REFERENCE = "dispatch embedded/in-process";

	static final String POSTGRES = "dispatch postgres/in-process";

	static final String DBOS = "dbos child-workflow+step";

	static final String RESTATE = "restate service-calls";

	/** Like for like: both keep their state in the same PostgreSQL server, run in-process. */
	static final Comparison POSTGRES_VS_DBOS = new Comparison(POSTGRES, DBOS);

	/** Like for like: both keep their state on the local disk, each in its own embedded store. */
	static final Comparison EMBEDDED_VS_RESTATE = new Comparison(REFERENCE, RESTATE);

	static final Comparison EMBEDDED_VS_DBOS = new Comparison(REFERENCE, DBOS);

	/** Whether both systems ran. */
	boolean ranIn(MeasuredRuns runs) {
		return runs.has(this.first) && runs.has(this.second);
	}

	/** The ratio of the medians, above 1 when the first system is ahead. */
	Optional<Double> advantage(MeasuredRuns runs, Figure figure) {
		Optional<Spread> first = runs.spread(this.first, figure);
		Optional<Spread> second = runs.spread(this.second, figure);
		if (first.isEmpty() || second.isEmpty() || first.get().median() <= 0 || second.get().median() <= 0) {
			return Optional.empty();
		}
		return Optional.of(figure.advantage(first.get().median(), second.get().median()));
	}

	String label() {
		return this.first + " vs " + this.second;
	}

}
