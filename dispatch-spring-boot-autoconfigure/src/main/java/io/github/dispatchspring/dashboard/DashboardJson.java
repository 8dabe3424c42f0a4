package io.github.dispatchspring.dashboard;

import java.util.Map;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the dashboard's JSON: a mapper of its own, which escapes {@code <}, {@code >}, {@code &}
 * and apostrophes in strings, so that what functions were given or returned cannot form markup even where
 * a browser would read the JSON as HTML. The page's script then only ever puts it in the page as
 * text.
 */
final class DashboardJson {

	private static final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
		.characterEscapes(new MarkupEscapes())
		.build()).build();

	private DashboardJson() {
	}

	/**
	 * Writes a value as JSON.
	 * @param value the value
	 * @return the JSON
	 */
	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	/**
	 * Writes the body of an error answer.
	 * @param message what went wrong
	 * @return the JSON
	 */
	static String error(String message) {
		return write(Map.of("error", message));
	}

	/** Escapes the characters of markup as {@code \\uXXXX}. */
	private static final class MarkupEscapes extends CharacterEscapes {

		private final int[] escapes = standardAsciiEscapesForJSON();

		MarkupEscapes() {
			for (char c : new char[] { '<', '>', '&', '\'' }) {
				this.escapes[c] = ESCAPE_STANDARD;
			}
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return new SerializedString(String.format("\\u%04X", ch));
		}

	}

}
