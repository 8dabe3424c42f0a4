package io.github.dispatchspring.bench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The RESULT lines of every run of a benchmark, looked up by system (its label), workload and size.
 */
final class MeasuredRuns {

	private final List<Measurement> measurements;

	MeasuredRuns(List<Measurement> measurements) {
		this.measurements = measurements;
	}

	/** The systems and variants in the order they first ran. */
	Set<String> labels() {
		Set<String> labels = new LinkedHashSet<>();
		this.measurements.forEach((m) -> labels.add(m.label()));
		return labels;
	}

	boolean has(String label) {
		return this.measurements.stream().anyMatch((m) -> m.label().equals(label));
	}

	/** How many runs there were: the highest run number of any line. */
	int runCount() {
		return this.measurements.stream().mapToInt(Measurement::run).max().orElse(0);
	}

	/** The spread of a figure over the runs, if any run measured it (-1 counts as not measured). */
	Optional<Spread> spread(String label, Figure figure) {
		List<Double> values = of(label).stream()
			.filter(figure::measuredBy)
			.map(figure::valueOf)
			.filter((value) -> value >= 0)
			.toList();
		return values.isEmpty() ? Optional.empty() : Optional.of(Spread.of(values));
	}

	/** Every line of one system and variant, in run order. */
	List<Measurement> of(String label) {
		return this.measurements.stream().filter((m) -> m.label().equals(label)).toList();
	}

	/** The distinct durability descriptions of one system and variant. */
	Set<String> durability(String label) {
		Set<String> durability = new LinkedHashSet<>();
		of(label).forEach((m) -> durability.add(m.durability()));
		return durability;
	}

}
