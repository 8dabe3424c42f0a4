package io.github.dispatchspring.bench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The table of a run: one row per system and variant, absolute figures with their ratio against the
 * reference (this project on its embedded store, calls run in-process).
 */
final class ResultTable {

	static final String REFERENCE = "dispatch embedded/in-process";

	private final List<Measurement> measurements;

	ResultTable(List<Measurement> measurements) {
		this.measurements = measurements;
	}

	String toMarkdown() {
		StringBuilder table = new StringBuilder();
		table.append("| system | W1 N=1,000 calls/s | W1 N=10,000 calls/s | W2 wall ms | W2 invocations | "
				+ "W3 median step ms | W3 p99 step ms | PostgreSQL xact/call (W1 10k) |\n");
		table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String label : labels()) {
			table.append("| ").append(label).append(" | ")
				.append(higherIsBetter(label, "W1", 1000, Measurement::callsPerSecond)).append(" | ")
				.append(higherIsBetter(label, "W1", 10000, Measurement::callsPerSecond)).append(" | ")
				.append(lowerIsBetter(label, "W2", -1, Measurement::wallMs)).append(" | ")
				.append(find(label, "W2", -1).map((m) -> m.invocations() + " of " + m.expectedInvocations()).orElse("-"))
				.append(" | ")
				.append(lowerIsBetter(label, "W3", -1, Measurement::medianStepOverheadMs)).append(" | ")
				.append(lowerIsBetter(label, "W3", -1, Measurement::p99StepOverheadMs)).append(" | ")
				.append(find(label, "W1", 10000).filter((m) -> m.xactPerCall() >= 0)
					.map((m) -> format(m.xactPerCall(), 2)).orElse("-"))
				.append(" |\n");
		}
		table.append("\nRatios are against ").append(REFERENCE)
			.append(": how many times better the reference is (above 1: the reference is ahead).\n");
		return table.toString();
	}

	Set<String> labels() {
		Set<String> labels = new LinkedHashSet<>();
		this.measurements.forEach((m) -> labels.add(m.label()));
		return labels;
	}

	Optional<Measurement> find(String label, String workload, int n) {
		return this.measurements.stream().filter((m) -> m.label().equals(label) && m.is(workload, n)).findFirst();
	}

	private String higherIsBetter(String label, String workload, int n, ToDoubleFunction<Measurement> metric) {
		return cell(label, workload, n, metric, true);
	}

	private String lowerIsBetter(String label, String workload, int n, ToDoubleFunction<Measurement> metric) {
		return cell(label, workload, n, metric, false);
	}

	private String cell(String label, String workload, int n, ToDoubleFunction<Measurement> metric,
			boolean higherIsBetter) {
		Optional<Measurement> measured = find(label, workload, n);
		if (measured.isEmpty()) {
			return "-";
		}
		double value = metric.applyAsDouble(measured.get());
		String absolute = format(value, (value < 100) ? 2 : 0);
		if (label.equals(REFERENCE)) {
			return absolute;
		}
		Optional<Measurement> reference = find(REFERENCE, workload, n);
		if (reference.isEmpty() || value <= 0) {
			return absolute;
		}
		double referenceValue = metric.applyAsDouble(reference.get());
		double ratio = higherIsBetter ? referenceValue / value : value / referenceValue;
		return absolute + " (" + format(ratio, 2) + "x)";
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
