package io.github.dispatchspring.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads and writes Ed25519 keys in the forms accepted by {@code dispatch.signing-key} and
 * {@code dispatch.verification-key}: PEM ({@code PUBLIC KEY} / {@code PRIVATE KEY}, also with
 * literal {@code \n} sequences instead of line breaks) or base64 of the raw 32-byte key.
 */
public final class Ed25519Keys {

	static final String SIGNING_KEY_PROPERTY = "dispatch.signing-key";
	static final String VERIFICATION_KEY_PROPERTY = "dispatch.verification-key";

	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
	private static final int RAW_KEY_LENGTH = 32;

	private Ed25519Keys() {
	}

	/** Parses a {@code dispatch.verification-key} value: PEM {@code PUBLIC KEY} or base64 of the raw key. */
	public static PublicKey parseVerificationKey(String text) {
		String problem = VERIFICATION_KEY_PROPERTY + " is neither a PEM public key nor base64 of a raw 32-byte Ed25519 key";
		byte[] spki = decode(text, VERIFICATION_KEY_PROPERTY, "PUBLIC KEY", SPKI_PREFIX, problem);
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException(VERIFICATION_KEY_PROPERTY + " is not an Ed25519 public key", e);
		}
	}

	/** Parses a {@code dispatch.signing-key} value: PEM {@code PRIVATE KEY} or base64 of the raw 32-byte seed. */
	public static PrivateKey parseSigningKey(String text) {
		String problem = SIGNING_KEY_PROPERTY + " is neither a PEM private key nor base64 of a raw 32-byte Ed25519 seed";
		byte[] pkcs8 = decode(text, SIGNING_KEY_PROPERTY, "PRIVATE KEY", PKCS8_PREFIX, problem);
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException(SIGNING_KEY_PROPERTY + " is not an Ed25519 private key", e);
		}
	}

	/** Base64 of the raw 32-byte public key. */
	public static String toBase64(PublicKey key) {
		return Base64.getEncoder().encodeToString(rawPublicKey(key));
	}

	/** Base64 of the raw 32-byte private key seed. */
	public static String toBase64(PrivateKey key) {
		return Base64.getEncoder().encodeToString(rawPrivateKey(key));
	}

	/** PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo). */
	public static String toPem(PublicKey key) {
		return new PemBlock("PUBLIC KEY", concat(SPKI_PREFIX, rawPublicKey(key))).encode();
	}

	/** PEM {@code PRIVATE KEY} (PKCS#8). */
	public static String toPem(PrivateKey key) {
		return new PemBlock("PRIVATE KEY", concat(PKCS8_PREFIX, rawPrivateKey(key))).encode();
	}

	private static byte[] rawPublicKey(PublicKey key) {
		byte[] spki = key.getEncoded();
		if (spki == null || spki.length != SPKI_PREFIX.length + RAW_KEY_LENGTH
				|| !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
		}
		return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
	}

	private static byte[] rawPrivateKey(PrivateKey key) {
		if (!(key instanceof EdECPrivateKey edKey) || !"Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
			throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
		}
		return edKey.getBytes()
				.orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key's bytes are not available"));
	}

	private static byte[] decode(String text, String property, String pemType, byte[] derPrefix, String problem) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(property + " is empty");
		}
		String normalized = text.replace("\\r", "").replace("\\n", "\n").strip();
		if (PemBlock.looksLikePem(normalized)) {
			PemBlock pem = PemBlock.parse(normalized)
					.orElseThrow(() -> new IllegalArgumentException(problem + " (the PEM block is malformed)"));
			if (!pem.type().equals(pemType)) {
				throw new IllegalArgumentException(property + " is a PEM " + pem.type() + ", expected a PEM " + pemType);
			}
			return pem.der();
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(normalized);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(problem + " (it is not valid base64)", e);
		}
		if (raw.length != RAW_KEY_LENGTH) {
			throw new IllegalArgumentException(problem + " (it decodes to " + raw.length + " bytes)");
		}
		return concat(derPrefix, raw);
	}

	private static byte[] concat(byte[] prefix, byte[] raw) {
		byte[] der = Arrays.copyOf(prefix, prefix.length + raw.length);
		System.arraycopy(raw, 0, der, prefix.length, raw.length);
		return der;
	}
}
