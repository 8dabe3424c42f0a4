package io.github.dispatchspring.signature;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The RFC 8941 structured-field values that appear in {@code Signature-Input}, {@code Signature}
 * and {@code Content-Digest}, and their canonical serialization.
 *
 * <p>Bare item values are {@link Long} (integer), {@link BigDecimal} (decimal), {@link String},
 * {@link Token}, {@code byte[]} (byte sequence) or {@link Boolean}. Parameter maps keep their order.
 */
final class StructuredFields {

	private StructuredFields() {
	}

	/** A dictionary member: either a single item or an inner list. */
	sealed interface Member permits Item, InnerList {
		Map<String, Object> parameters();
	}

	record Item(Object value, Map<String, Object> parameters) implements Member {
	}

	record InnerList(List<Item> items, Map<String, Object> parameters) implements Member {
	}

	record Token(String value) {
	}

	static String serializeInnerList(InnerList list) {
		return list.items().stream()
				.map(item -> serializeBareItem(item.value()) + serializeParameters(item.parameters()))
				.collect(Collectors.joining(" ", "(", ")"))
				+ serializeParameters(list.parameters());
	}

	static String serializeParameters(Map<String, Object> parameters) {
		StringBuilder out = new StringBuilder();
		parameters.forEach((key, value) -> {
			out.append(';').append(key);
			if (!Boolean.TRUE.equals(value)) {
				out.append('=').append(serializeBareItem(value));
			}
		});
		return out.toString();
	}

	static String serializeBareItem(Object value) {
		if (value instanceof Long || value instanceof Integer) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			BigDecimal stripped = decimal.stripTrailingZeros();
			return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
		}
		if (value instanceof String string) {
			return quote(string);
		}
		if (value instanceof Token token) {
			return token.value();
		}
		if (value instanceof byte[] bytes) {
			return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
		}
		if (value instanceof Boolean bool) {
			return bool ? "?1" : "?0";
		}
		throw new IllegalArgumentException("not a structured-field bare item: " + value);
	}

	private static String quote(String string) {
		StringBuilder out = new StringBuilder(string.length() + 2).append('"');
		for (char c : string.toCharArray()) {
			if (c < 0x20 || c > 0x7e) {
				throw new IllegalArgumentException("structured-field strings must be printable ASCII: " + string);
			}
			if (c == '"' || c == '\\') {
				out.append('\\');
			}
			out.append(c);
		}
		return out.append('"').toString();
	}
}
