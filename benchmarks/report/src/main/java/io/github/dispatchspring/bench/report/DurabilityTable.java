package io.github.dispatchspring.bench.report;

import java.util.Set;

/**
 * What each system ran at: the durability settings the harness read from the running system, one
 * row per system and variant (several lines in a cell if runs differed).
 */
final class DurabilityTable {

	private final MeasuredRuns runs;

	DurabilityTable(MeasuredRuns runs) {
		this.runs = runs;
	}

	String toMarkdown() {
		StringBuilder table = new StringBuilder("| system | durability, as read from the running system |\n|---|---|\n");
		for (String label : this.runs.labels()) {
			Set<String> durability = this.runs.durability(label);
			table.append("| ").append(label).append(" | ").append(String.join("<br>", durability)).append(" |\n");
		}
		return table.toString();
	}

}
