package io.github.dispatchspring.signature;

import io.github.dispatchspring.signature.StructuredFields.InnerList;
import io.github.dispatchspring.signature.StructuredFields.Item;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The covered components and signature parameters of one signature: the value of its
 * {@code Signature-Input} member and of the {@code @signature-params} line of its signature base.
 *
 * @param components covered component names in signing order, e.g. {@code @method}, {@code content-type}
 * @param parameters signature parameters in serialization order, e.g. {@code created}, {@code keyid}
 */
record SignatureParameters(List<String> components, Map<String, Object> parameters) {

	static final String LABEL = "dispatch";
	static final String KEY_ID = "default";
	static final String ALGORITHM = "ed25519";
	static final List<String> DISPATCH_COMPONENTS =
			List.of("@method", "@path", "@authority", "content-type", "content-digest");

	SignatureParameters {
		components = List.copyOf(components);
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * The parameters the Dispatch signer uses for a signature created at {@code createdEpochSeconds},
	 * with a {@code nonce} that makes two signatures of the same request differ, so that a verifier
	 * refusing replays accepts a request sent again on purpose within the same second.
	 */
	static SignatureParameters dispatch(long createdEpochSeconds, String nonce) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("created", createdEpochSeconds);
		parameters.put("keyid", KEY_ID);
		parameters.put("alg", ALGORITHM);
		parameters.put("nonce", nonce);
		return new SignatureParameters(DISPATCH_COMPONENTS, parameters);
	}

	Optional<Object> parameter(String name) {
		return Optional.ofNullable(parameters.get(name));
	}

	/** The canonical RFC 8941 inner-list serialization, e.g. {@code ("@method" ...);created=1;alg="ed25519"}. */
	String serialize() {
		List<Item> items = components.stream().map(name -> new Item(name, Map.of())).toList();
		return StructuredFields.serializeInnerList(new InnerList(items, parameters));
	}
}
