package io.github.dispatchspring.signature;

import static io.github.dispatchspring.signature.FieldCursor.isAlpha;
import static io.github.dispatchspring.signature.FieldCursor.isDigit;

import io.github.dispatchspring.signature.StructuredFields.Token;
import java.math.BigDecimal;
import java.util.Base64;

/** Parses one RFC 8941 bare item (section 4.2.3.1) into the value types of {@link StructuredFields}. */
final class BareItemParser {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~:/";

	private BareItemParser() {
	}

	static Object parse(FieldCursor cursor) {
		char c = cursor.peek();
		if (c == '-' || isDigit(c)) {
			return number(cursor);
		}
		if (c == '"') {
			return string(cursor);
		}
		if (c == ':') {
			return byteSequence(cursor);
		}
		if (c == '?') {
			return bool(cursor);
		}
		if (isAlpha(c) || c == '*') {
			return new Token(cursor.takeWhile(t -> isAlpha(t) || isDigit(t) || TOKEN_SYMBOLS.indexOf(t) >= 0));
		}
		throw cursor.error("expected an item");
	}

	private static Object number(FieldCursor cursor) {
		String sign = cursor.consume('-') ? "-" : "";
		String integer = cursor.takeWhile(FieldCursor::isDigit);
		if (integer.isEmpty()) {
			throw cursor.error("expected a digit");
		}
		if (!cursor.consume('.')) {
			if (integer.length() > 15) {
				throw cursor.error("integer has more than 15 digits");
			}
			return Long.parseLong(sign + integer);
		}
		String fraction = cursor.takeWhile(FieldCursor::isDigit);
		if (integer.length() > 12 || fraction.isEmpty() || fraction.length() > 3) {
			throw cursor.error("decimal out of range");
		}
		return new BigDecimal(sign + integer + "." + fraction);
	}

	private static String string(FieldCursor cursor) {
		cursor.expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = cursor.next("unterminated string");
			if (c == '"') {
				return out.toString();
			}
			if (c == '\\') {
				c = cursor.next("unterminated string");
				if (c != '"' && c != '\\') {
					throw cursor.error("invalid escape in string");
				}
			} else if (c < 0x20 || c > 0x7e) {
				throw cursor.error("invalid character in string");
			}
			out.append(c);
		}
	}

	private static byte[] byteSequence(FieldCursor cursor) {
		cursor.expect(':');
		String base64 = cursor.takeWhile(c -> isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=');
		cursor.expect(':');
		try {
			return Base64.getDecoder().decode(base64);
		} catch (IllegalArgumentException e) {
			throw cursor.error("invalid base64 in byte sequence");
		}
	}

	private static Boolean bool(FieldCursor cursor) {
		cursor.expect('?');
		if (cursor.consume('1')) {
			return Boolean.TRUE;
		}
		if (cursor.consume('0')) {
			return Boolean.FALSE;
		}
		throw cursor.error("expected ?0 or ?1");
	}
}
