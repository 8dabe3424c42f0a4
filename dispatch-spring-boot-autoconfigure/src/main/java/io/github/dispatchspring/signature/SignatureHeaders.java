package io.github.dispatchspring.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers {@link RequestSigner} adds to an outgoing request.
 *
 * @param contentDigest the {@code Content-Digest} value, e.g. {@code sha-512=:...:}
 * @param signatureInput the {@code Signature-Input} value, e.g. {@code dispatch=("@method" ...);created=...}
 * @param signature the {@code Signature} value, e.g. {@code dispatch=:...:}
 */
public record SignatureHeaders(String contentDigest, String signatureInput, String signature) {

	public static final String SIGNATURE_INPUT = "Signature-Input";
	public static final String SIGNATURE = "Signature";

	/** The three headers by name, in the order {@code Content-Digest}, {@code Signature-Input}, {@code Signature}. */
	public Map<String, String> asMap() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ContentDigest.HEADER, contentDigest);
		headers.put(SIGNATURE_INPUT, signatureInput);
		headers.put(SIGNATURE, signature);
		return headers;
	}
}
