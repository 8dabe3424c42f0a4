package io.github.dispatchspring.bench.common;

/** The child-call inputs: a 100-character string that names its index, and the order check. */
public final class CallInputs {

	private static final int INDEX_DIGITS = 10;
	private static final String PREFIX = "call-";

	private CallInputs() {}

	public static String of(int index) {
		var text = new StringBuilder(WorkloadParameters.INPUT_LENGTH);
		text.append(PREFIX).append(String.format("%0" + INDEX_DIGITS + "d", index)).append('-');
		while (text.length() < WorkloadParameters.INPUT_LENGTH) {
			text.append((char) ('a' + text.length() % 26));
		}
		return text.toString();
	}

	public static int indexOf(String input) {
		return Integer.parseInt(input.substring(PREFIX.length(), PREFIX.length() + INDEX_DIGITS));
	}

	/**
	 * Throws unless {@code result} is the echo of call {@code index}: results must come back in call
	 * order.
	 */
	public static void requireResultAt(int index, String result) {
		if (!of(index).equals(result)) {
			throw new IllegalStateException(
					"result #" + index + " is not the echo of call #" + index + ": " + abbreviate(result));
		}
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "null";
		}
		return value.length() <= 24 ? value : value.substring(0, 24) + "...";
	}
}
