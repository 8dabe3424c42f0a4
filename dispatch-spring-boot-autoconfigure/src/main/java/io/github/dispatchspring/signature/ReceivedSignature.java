package io.github.dispatchspring.signature;

import static io.github.dispatchspring.signature.SignatureVerificationException.malformed;

import io.github.dispatchspring.signature.StructuredFields.InnerList;
import io.github.dispatchspring.signature.StructuredFields.Item;
import io.github.dispatchspring.signature.StructuredFields.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signature selected from a request's {@code Signature-Input} and {@code Signature} headers:
 * the one labelled {@code dispatch}, or the only one if there is a single signature.
 *
 * @param label the dictionary key the signature was found under
 * @param parameters its covered components and signature parameters
 * @param signature the raw signature bytes
 */
record ReceivedSignature(String label, SignatureParameters parameters, byte[] signature) {

	static ReceivedSignature from(SignedRequest request) {
		Map<String, Member> inputs = parse(request, SignatureHeaders.SIGNATURE_INPUT);
		Map<String, Member> signatures = parse(request, SignatureHeaders.SIGNATURE);
		String label = selectLabel(inputs);
		Member signature = signatures.get(label);
		if (signature == null) {
			throw malformed("Signature has no member labelled " + label);
		}
		if (!(signature instanceof Item item) || !(item.value() instanceof byte[] bytes)) {
			throw malformed("Signature " + label + " is not a byte sequence");
		}
		return new ReceivedSignature(label, parameters(label, inputs.get(label)), bytes);
	}

	private static Map<String, Member> parse(SignedRequest request, String header) {
		String value = request.header(header);
		if (value == null || value.isBlank()) {
			throw malformed("request has no " + header + " header");
		}
		return StructuredFieldParser.parseDictionary(header, value);
	}

	private static String selectLabel(Map<String, Member> inputs) {
		if (inputs.containsKey(SignatureParameters.LABEL)) {
			return SignatureParameters.LABEL;
		}
		if (inputs.size() == 1) {
			return inputs.keySet().iterator().next();
		}
		throw malformed("Signature-Input has no signature labelled " + SignatureParameters.LABEL
				+ " among " + inputs.keySet());
	}

	private static SignatureParameters parameters(String label, Member input) {
		if (!(input instanceof InnerList list)) {
			throw malformed("Signature-Input " + label + " is not an inner list of covered components");
		}
		List<String> components = new ArrayList<>();
		for (Item item : list.items()) {
			if (!(item.value() instanceof String component)) {
				throw malformed("Signature-Input " + label + " lists a component that is not a quoted string");
			}
			if (!item.parameters().isEmpty()) {
				throw malformed("Signature-Input " + label + " uses unsupported component parameters on "
						+ component);
			}
			if (components.contains(component)) {
				throw malformed("Signature-Input " + label + " covers " + component + " more than once");
			}
			components.add(component);
		}
		return new SignatureParameters(components, list.parameters());
	}
}
