package io.github.dispatchspring.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance goals of this project, each checked against the medians of the run: the embedded
 * store at least 3 times Restate on W1 N=10,000 and under DBOS per W3 step, the PostgreSQL store at
 * least 3 times DBOS on W1 N=10,000 with at most 2 transactions per call.
 */
final class Goals {

	private static final double THROUGHPUT_ADVANTAGE = 3.0;

	private static final double TRANSACTIONS_PER_CALL = 2.0;

	private final MeasuredRuns runs;

	Goals(MeasuredRuns runs) {
		this.runs = runs;
	}

	String toMarkdown() {
		List<String> lines = new ArrayList<>();
		ratio(lines, Comparison.EMBEDDED_VS_RESTATE, Figure.W1_10000, THROUGHPUT_ADVANTAGE,
				"W1 N=10,000 calls/s at least 3x");
		ratio(lines, Comparison.EMBEDDED_VS_DBOS, Figure.W3_MEDIAN_STEP, 1.0, "W3 median step below");
		ratio(lines, Comparison.POSTGRES_VS_DBOS, Figure.W1_10000, THROUGHPUT_ADVANTAGE,
				"W1 N=10,000 calls/s at least 3x");
		this.runs.spread(Comparison.POSTGRES, Figure.XACT_PER_CALL)
			.ifPresent((spread) -> lines.add(Comparison.POSTGRES + " at most " + Spread.number(TRANSACTIONS_PER_CALL)
					+ " PostgreSQL transactions per call on W1 N=10,000 (every commit counts, reads too): "
					+ Spread.number(spread.median()) + ", " + verdict(spread.median() <= TRANSACTIONS_PER_CALL)));
		if (lines.isEmpty()) {
			return "";
		}
		StringBuilder goals = new StringBuilder("Goals, on the medians:\n\n");
		lines.forEach((line) -> goals.append("- ").append(line).append('\n'));
		return goals.toString();
	}

	private void ratio(List<String> lines, Comparison comparison, Figure figure, double atLeast, String goal) {
		Optional<Double> advantage = comparison.advantage(this.runs, figure);
		advantage.ifPresent((ratio) -> lines.add(comparison.first() + " " + goal + " " + comparison.second() + ": "
				+ RatioTable.format(ratio) + ", " + verdict(ratio >= atLeast)));
	}

	private static String verdict(boolean met) {
		return met ? "met" : "**missed**";
	}

}
