package io.github.dispatchspring.bench.common;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One measured run, printed as a single {@code RESULT {json}} line on stdout. Fields that do not
 * apply to a workload or a system hold -1. {@code run} numbers the repetitions of a benchmark;
 * {@code durability} says how far the system's writes went (see {@link DurablePeer#durability}).
 */
public record Result(
		int run,
		String system,
		String variant,
		String durability,
		Workload workload,
		int n,
		double wallMs,
		double callsPerSecond,
		long invocations,
		long expectedInvocations,
		double medianStepOverheadMs,
		double p99StepOverheadMs,
		double xactPerCall) {

	public static final String LINE_PREFIX = "RESULT ";
	public static final double NOT_APPLICABLE = -1;

	public String toJson() {
		return "{"
				+ field("run", Integer.toString(run)) + ","
				+ field("system", quote(system)) + ","
				+ field("variant", quote(variant == null ? "" : variant)) + ","
				+ field("durability", quote(durability)) + ","
				+ field("workload", quote(workload.name())) + ","
				+ field("n", Integer.toString(n)) + ","
				+ field("wallMs", number(wallMs)) + ","
				+ field("callsPerSecond", number(callsPerSecond)) + ","
				+ field("invocations", Long.toString(invocations)) + ","
				+ field("expectedInvocations", Long.toString(expectedInvocations)) + ","
				+ field("medianStepOverheadMs", number(medianStepOverheadMs)) + ","
				+ field("p99StepOverheadMs", number(p99StepOverheadMs)) + ","
				+ field("xactPerCall", number(xactPerCall))
				+ "}";
	}

	public String toLine() {
		return LINE_PREFIX + toJson();
	}

	public void printTo(PrintStream out) {
		out.println(toLine());
		out.flush();
	}

	private static String field(String name, String json) {
		return quote(name) + ":" + json;
	}

	private static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("not a finite number: " + value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String quote(String text) {
		var json = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					} else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}
}
