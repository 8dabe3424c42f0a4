package io.github.dispatchspring.wire;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Dispatch-Attempt} header, with which this project's scheduler tells the webhook which
 * attempt of a call it sends. The Dispatch protocol has no such field: other schedulers leave it
 * out, and the attempt then reads as 1.
 */
public final class AttemptHeader {

	/** The header's name. */
	public static final String NAME = "Dispatch-Attempt";

	private AttemptHeader() {
	}

	/**
	 * Reads the attempt of a request.
	 * @param value the header's value, or {@code null}
	 * @return the attempt, 1 when the header is missing or not a positive number
	 */
	public static int parse(@Nullable String value) {
		if (value == null) {
			return 1;
		}
		try {
			return Math.max(Integer.parseInt(value.trim()), 1);
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
