package io.github.dispatchspring.signature;

import io.github.dispatchspring.signature.StructuredFields.Item;
import io.github.dispatchspring.signature.StructuredFields.Member;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes and checks the RFC 9530 {@code Content-Digest} header ({@code sha-512} and {@code sha-256}). */
public final class ContentDigest {

	/** The header name. */
	public static final String HEADER = "Content-Digest";

	private static final List<String> ALGORITHMS = List.of("sha-512", "sha-256");

	private ContentDigest() {
	}

	/** The header value for {@code body}, e.g. {@code sha-512=:WZDPaVn/...==:}. */
	public static String of(byte[] body) {
		return "sha-512=:" + Base64.getEncoder().encodeToString(digest("SHA-512", body)) + ":";
	}

	/**
	 * Checks a {@code Content-Digest} header value against {@code body}. Every {@code sha-512} or
	 * {@code sha-256} digest present must match; other algorithms are ignored, but at least one of
	 * these two must be present.
	 *
	 * @param headerValue the header value, or {@code null} if the request has none
	 * @throws SignatureVerificationException {@code MISSING_OR_MALFORMED} if the header is missing,
	 *     unparsable or has no supported digest; {@code INVALID} if a digest does not match
	 */
	public static void verify(String headerValue, byte[] body) {
		if (headerValue == null || headerValue.isBlank()) {
			throw SignatureVerificationException.malformed("request has no Content-Digest header");
		}
		Map<String, Member> digests = StructuredFieldParser.parseDictionary(HEADER, headerValue);
		boolean checked = false;
		for (String algorithm : ALGORITHMS) {
			Member member = digests.get(algorithm);
			if (member == null) {
				continue;
			}
			if (!(member instanceof Item item) || !(item.value() instanceof byte[] expected)) {
				throw SignatureVerificationException.malformed(
						"Content-Digest " + algorithm + " is not a byte sequence");
			}
			byte[] actual = digest(algorithm.toUpperCase(Locale.ROOT), body);
			if (!MessageDigest.isEqual(actual, expected)) {
				throw SignatureVerificationException.invalid(
						"Content-Digest " + algorithm + " does not match the request body");
			}
			checked = true;
		}
		if (!checked) {
			throw SignatureVerificationException.malformed("Content-Digest has neither a sha-512 nor a sha-256 digest");
		}
	}

	private static byte[] digest(String algorithm, byte[] body) {
		try {
			return MessageDigest.getInstance(algorithm).digest(body == null ? new byte[0] : body);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is not available", e);
		}
	}
}
