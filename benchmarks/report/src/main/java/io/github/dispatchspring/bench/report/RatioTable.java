package io.github.dispatchspring.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ratios of the medians: first the like-for-like pairs (this project's PostgreSQL store against
 * DBOS on the same server, its embedded store against Restate), then the reference against every
 * other system and variant.
 */
final class RatioTable {

	private static final String POSTGRESQL = "PostgreSQL ";

	private final MeasuredRuns runs;

	RatioTable(MeasuredRuns runs) {
		this.runs = runs;
	}

	String toMarkdown() {
		StringBuilder table = new StringBuilder(Figure.tableHeader("ratio of medians (above 1: the first is ahead)"));
		for (Comparison comparison : comparisons()) {
			table.append("| ").append(title(comparison)).append(" |");
			for (Figure figure : Figure.values()) {
				table.append(' ')
					.append(comparison.advantage(this.runs, figure).map(RatioTable::format).orElse("-"))
					.append(" |");
			}
			table.append('\n');
		}
		return table.toString();
	}

	private List<Comparison> comparisons() {
		List<Comparison> comparisons = new ArrayList<>();
		for (Comparison likeForLike : List.of(Comparison.POSTGRES_VS_DBOS, Comparison.EMBEDDED_VS_RESTATE)) {
			if (likeForLike.ranIn(this.runs)) {
				comparisons.add(likeForLike);
			}
		}
		if (this.runs.has(Comparison.REFERENCE)) {
			this.runs.labels()
				.stream()
				.filter((label) -> !label.equals(Comparison.REFERENCE))
				.map((label) -> new Comparison(Comparison.REFERENCE, label))
				.filter((comparison) -> !comparisons.contains(comparison))
				.forEach(comparisons::add);
		}
		return comparisons;
	}

	private String title(Comparison comparison) {
		if (comparison.equals(Comparison.POSTGRES_VS_DBOS)) {
			return "**like for like:** " + comparison.label() + " ("
					+ (samePostgresSettings(comparison) ? "same PostgreSQL settings" : "**PostgreSQL settings differ**")
					+ ")";
		}
		if (comparison.equals(Comparison.EMBEDDED_VS_RESTATE)) {
			return "**like for like:** " + comparison.label() + " (each on its own local store)";
		}
		return comparison.label();
	}

	private boolean samePostgresSettings(Comparison comparison) {
		Set<String> first = postgresSettings(comparison.first());
		return first.size() == 1 && first.equals(postgresSettings(comparison.second()));
	}

	private Set<String> postgresSettings(String label) {
		return this.runs.durability(label)
			.stream()
			.map((durability) -> durability.contains(POSTGRESQL)
					? durability.substring(durability.indexOf(POSTGRESQL)) : "")
			.collect(Collectors.toSet());
	}

	static String format(double ratio) {
		return String.format(Locale.ROOT, "%.2fx", ratio);
	}

}
