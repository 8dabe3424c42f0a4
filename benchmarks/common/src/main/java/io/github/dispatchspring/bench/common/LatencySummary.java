package io.github.dispatchspring.bench.common;

import java.util.Arrays;

/** Median and 99th percentile (nearest rank) of a set of durations. */
public record LatencySummary(double medianMs, double p99Ms) {

	public static LatencySummary ofNanos(long[] durationsNanos) {
		if (durationsNanos.length == 0) {
			throw new IllegalArgumentException("no durations");
		}
		long[] sorted = durationsNanos.clone();
		Arrays.sort(sorted);
		return new LatencySummary(toMillis(percentile(sorted, 50)), toMillis(percentile(sorted, 99)));
	}

	private static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double toMillis(long nanos) {
		return nanos / 1_000_000.0;
	}
}
