package io.github.dispatchspring.bench.report;

import java.util.List;

/**
 * The table of absolute figures: one row per system and variant, each cell the median over the runs
 * with the lowest and highest value, and whether every workload invoked the handler as often as a
 * correct system does.
 */
final class ResultTable {

	private final MeasuredRuns runs;

	ResultTable(MeasuredRuns runs) {
		this.runs = runs;
	}

	String toMarkdown() {
		StringBuilder table = new StringBuilder(Figure.tableHeader("system", "invocations"));
		for (String label : this.runs.labels()) {
			table.append("| ").append(label).append(" |");
			for (Figure figure : Figure.values()) {
				table.append(' ').append(cell(label, figure)).append(" |");
			}
			table.append(' ').append(invocations(label)).append(" |\n");
		}
		int runCount = this.runs.runCount();
		table.append((runCount == 1) ? "\nOne run. "
				: "\nMedian of " + runCount + " runs, lowest and highest in brackets; "
						+ "a figure that fewer runs measured says how many. ")
			.append("Invocations: the workloads whose handler ran exactly as often as a correct system runs it ")
			.append("(N calls, plus one retry per failing call in W2), out of all measured.\n");
		return table.toString();
	}

	private String cell(String label, Figure figure) {
		return this.runs.spread(label, figure).map((spread) -> {
			String cell = spread.format();
			return (spread.count() < this.runs.runCount()) ? cell + " [" + spread.count() + " runs]" : cell;
		}).orElse("-");
	}

	private String invocations(String label) {
		List<Measurement> measured = this.runs.of(label);
		List<String> wrong = measured.stream()
			.filter((m) -> !m.invokedAsExpected())
			.map((m) -> "**" + m.workload() + " n=" + m.n() + " run " + m.run() + ": " + m.invocations() + " of "
					+ m.expectedInvocations() + "**")
			.toList();
		String counted = (measured.size() - wrong.size()) + " of " + measured.size() + " as expected";
		return wrong.isEmpty() ? counted : counted + "; " + String.join(", ", wrong);
	}

}
