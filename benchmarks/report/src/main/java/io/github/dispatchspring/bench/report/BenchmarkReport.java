package io.github.dispatchspring.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the RESULT lines of a run and writes the table (Markdown) and the W1 chart (PNG).
 * Arguments: the results file, the table file, the chart file.
 */
public final class BenchmarkReport {

	private static final String PREFIX = "RESULT ";

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: BenchmarkReport <results.txt> <table.md> <chart.png>");
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
		ResultTable table = new ResultTable(measurements);
		String markdown = table.toMarkdown();
		Files.writeString(Path.of(args[1]), markdown);
		new ThroughputChart(table).writePng(Path.of(args[2]));
		System.out.println(markdown);
	}

}
