package io.github.dispatchspring.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * The values one figure took over the runs of a benchmark: their median, lowest and highest.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min the lowest value
 * @param max the highest value
 * @param count how many runs measured the figure
 */
record Spread(double median, double min, double max, int count) {

	static Spread of(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return new Spread(median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
	}

	/** The median, then the range when there is one: {@code 2,044 (1,950–2,100)}. */
	String format() {
		int decimals = decimals(this.median);
		String median = number(this.median, decimals);
		return (this.count == 1) ? median
				: median + " (" + number(this.min, decimals) + "–" + number(this.max, decimals) + ")";
	}

	/** Two decimals below 100, none from 100 on. */
	static String number(double value) {
		return number(value, decimals(value));
	}

	private static int decimals(double value) {
		return (Math.abs(value) < 100) ? 2 : 0;
	}

	private static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
