package io.github.dispatchspring.signature;

import io.github.dispatchspring.signature.StructuredFields.InnerList;
import io.github.dispatchspring.signature.StructuredFields.Item;
import io.github.dispatchspring.signature.StructuredFields.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an RFC 8941 dictionary (section 4.2.2). Any syntax error is reported as a
 * {@link SignatureVerificationException.Kind#MISSING_OR_MALFORMED} failure naming the header.
 */
final class StructuredFieldParser {

	private final FieldCursor cursor;

	private StructuredFieldParser(FieldCursor cursor) {
		this.cursor = cursor;
	}

	static Map<String, Member> parseDictionary(String fieldName, String value) {
		return new StructuredFieldParser(new FieldCursor(fieldName, value)).dictionary();
	}

	private Map<String, Member> dictionary() {
		Map<String, Member> members = new LinkedHashMap<>();
		cursor.skipWhitespace();
		while (!cursor.atEnd()) {
			String key = key();
			if (cursor.consume('=')) {
				members.put(key, cursor.peek() == '(' ? innerList() : item());
			} else {
				members.put(key, new Item(Boolean.TRUE, parameters()));
			}
			cursor.skipWhitespace();
			if (cursor.atEnd()) {
				break;
			}
			cursor.expect(',');
			cursor.skipWhitespace();
			if (cursor.atEnd()) {
				throw cursor.error("trailing comma");
			}
		}
		return Collections.unmodifiableMap(members);
	}

	private InnerList innerList() {
		cursor.expect('(');
		List<Item> items = new ArrayList<>();
		while (true) {
			cursor.skipSpaces();
			if (cursor.consume(')')) {
				return new InnerList(List.copyOf(items), parameters());
			}
			items.add(item());
			if (cursor.peek() != ' ' && cursor.peek() != ')') {
				throw cursor.error("expected a space or ')' in inner list");
			}
		}
	}

	private Item item() {
		return new Item(BareItemParser.parse(cursor), parameters());
	}

	private Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		while (cursor.consume(';')) {
			cursor.skipSpaces();
			String key = key();
			parameters.put(key, cursor.consume('=') ? BareItemParser.parse(cursor) : Boolean.TRUE);
		}
		return Collections.unmodifiableMap(parameters);
	}

	private String key() {
		char first = cursor.peek();
		if (!(first >= 'a' && first <= 'z') && first != '*') {
			throw cursor.error("expected a key");
		}
		return cursor.takeWhile(c -> (c >= 'a' && c <= 'z') || FieldCursor.isDigit(c) || "_-.*".indexOf(c) >= 0);
	}
}
