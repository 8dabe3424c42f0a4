package io.github.dispatchspring.signature;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN <type>-----} ... {@code -----END <type>-----} block of a PEM text.
 *
 * @param type the label, e.g. {@code PUBLIC KEY}
 * @param der the decoded contents
 */
record PemBlock(String type, byte[] der) {

	private static final Pattern BLOCK = Pattern.compile(
			"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	static boolean looksLikePem(String text) {
		return text.contains("-----BEGIN ");
	}

	/** The first block in {@code text}, or empty if there is no well-formed block with base64 contents. */
	static Optional<PemBlock> parse(String text) {
		Matcher matcher = BLOCK.matcher(text);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			byte[] der = Base64.getDecoder().decode(WHITESPACE.matcher(matcher.group(2)).replaceAll(""));
			return Optional.of(new PemBlock(matcher.group(1), der));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	String encode() {
		String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}
}
