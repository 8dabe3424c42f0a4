package io.github.dispatchspring.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the RESULT lines of every run of a benchmark and writes the report (Markdown: what each
 * system ran at, the figures, the ratios and the goals) and the W1 chart (PNG). Arguments: the
 * results file, the report file, the chart file.
 */
public final class BenchmarkReport {

	private static final String PREFIX = "RESULT ";

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: BenchmarkReport <results.txt> <report.md> <chart.png>");
		}
		JsonMapper json = JsonMapper.builder().build();
		List<Measurement> measurements = Files.readAllLines(Path.of(args[0]))
			.stream()
			.filter((line) -> line.startsWith(PREFIX))
			.map((line) -> json.readValue(line.substring(PREFIX.length()), Measurement.class))
			.toList();
		if (measurements.isEmpty()) {
			throw new IllegalStateException("No RESULT lines in " + args[0]);
		}
		MeasuredRuns runs = new MeasuredRuns(measurements);
		String markdown = String.join("\n", new DurabilityTable(runs).toMarkdown(), new ResultTable(runs).toMarkdown(),
				new RatioTable(runs).toMarkdown(), new Goals(runs).toMarkdown());
		Files.writeString(Path.of(args[1]), markdown);
		new ThroughputChart(runs).writePng(Path.of(args[2]));
		System.out.println(markdown);
	}

}
