package io.github.dispatchspring.signature;

import java.util.function.Function;

/** Builds the RFC 9421 (section 2.5) signature base that is signed and verified. */
final class SignatureBase {

	private SignatureBase() {
	}

	/**
	 * Renders one {@code "<component>": <value>} line per covered component, followed by the
	 * {@code "@signature-params"} line, joined by LF without a trailing newline.
	 *
	 * @param componentValue resolves a covered component name to its value
	 */
	static String render(SignatureParameters parameters, Function<String, String> componentValue) {
		StringBuilder base = new StringBuilder();
		for (String component : parameters.components()) {
			base.append(StructuredFields.serializeBareItem(component))
					.append(": ")
					.append(componentValue.apply(component))
					.append('\n');
		}
		return base.append("\"@signature-params\": ").append(parameters.serialize()).toString();
	}
}
