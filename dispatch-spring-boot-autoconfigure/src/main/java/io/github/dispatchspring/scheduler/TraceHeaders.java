package io.github.dispatchspring.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The trace context a call keeps in the store: the header fields that propagate a trace, such as
 * W3C {@code traceparent} and {@code tracestate}, one {@code name: value} line each, in at most
 * {@value #MAX_LENGTH} characters. Fields that do not fit are left out, the first ones kept.
 */
public final class TraceHeaders {

	/** The most characters kept, the size of the store's column. */
	public static final int MAX_LENGTH = 1024;

	private TraceHeaders() {
	}

	/**
	 * Writes header fields as a call keeps them.
	 * @param fields the fields, in the order to keep them
	 * @return the trace context, or {@code null} for no fields
	 */
	public static @Nullable String encode(Map<String, String> fields) {
		StringBuilder encoded = new StringBuilder();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			String line = field.getKey() + ": " + field.getValue();
			boolean fits = encoded.length() + line.length() + ((encoded.length() > 0) ? 1 : 0) <= MAX_LENGTH;
			if (fits && line.indexOf('\n') < 0) {
				encoded.append((encoded.length() > 0) ? "\n" : "").append(line);
			}
		}
		return (encoded.length() > 0) ? encoded.toString() : null;
	}

	/**
	 * Reads the header fields of a trace context a call keeps.
	 * @param traceContext the trace context, or {@code null}
	 * @return the fields, empty for none
	 */
	public static Map<String, String> decode(@Nullable String traceContext) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (traceContext != null) {
			for (String line : traceContext.split("\n")) {
				int colon = line.indexOf(": ");
				if (colon > 0) {
					fields.put(line.substring(0, colon), line.substring(colon + 2));
				}
			}
		}
		return fields;
	}

}
