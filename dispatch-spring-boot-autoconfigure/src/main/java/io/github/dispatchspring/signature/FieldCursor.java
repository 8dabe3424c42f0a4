package io.github.dispatchspring.signature;

import java.util.function.IntPredicate;

/** A read position in a header value being parsed as a structured field. */
final class FieldCursor {

	private final String fieldName;
	private final String input;
	private int pos;

	FieldCursor(String fieldName, String input) {
		this.fieldName = fieldName;
		this.input = input;
	}

	boolean atEnd() {
		return pos >= input.length();
	}

	char peek() {
		return atEnd() ? '\0' : input.charAt(pos);
	}

	char next(String problemAtEnd) {
		if (atEnd()) {
			throw error(problemAtEnd);
		}
		return input.charAt(pos++);
	}

	boolean consume(char expected) {
		if (!atEnd() && input.charAt(pos) == expected) {
			pos++;
			return true;
		}
		return false;
	}

	void expect(char expected) {
		if (!consume(expected)) {
			throw error("expected '" + expected + "'");
		}
	}

	String takeWhile(IntPredicate accepted) {
		int start = pos;
		while (!atEnd() && accepted.test(input.charAt(pos))) {
			pos++;
		}
		return input.substring(start, pos);
	}

	void skipSpaces() {
		takeWhile(c -> c == ' ');
	}

	void skipWhitespace() {
		takeWhile(c -> c == ' ' || c == '\t');
	}

	SignatureVerificationException error(String problem) {
		return SignatureVerificationException.malformed(
				fieldName + " is not a valid structured-field dictionary: " + problem + " at position " + pos);
	}

	static boolean isAlpha(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}
}
