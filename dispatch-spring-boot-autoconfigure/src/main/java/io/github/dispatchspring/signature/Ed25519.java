package io.github.dispatchspring.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Ed25519 signing and verification of a signature base.
 *
 * <p>The base is encoded as ISO-8859-1 so that header values a server decoded byte-for-byte
 * (as servlet containers do) are signed as the bytes that travelled on the wire.
 */
final class Ed25519 {

	private Ed25519() {
	}

	static byte[] sign(PrivateKey key, String signatureBase) {
		try {
			Signature signature = newSignature();
			signature.initSign(key);
			signature.update(signatureBase.getBytes(StandardCharsets.ISO_8859_1));
			return signature.sign();
		} catch (InvalidKeyException e) {
			throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
		} catch (SignatureException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
	}

	static boolean verify(PublicKey key, String signatureBase, byte[] signatureBytes) {
		try {
			Signature signature = newSignature();
			signature.initVerify(key);
			signature.update(signatureBase.getBytes(StandardCharsets.ISO_8859_1));
			return signature.verify(signatureBytes);
		} catch (InvalidKeyException e) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm(), e);
		} catch (SignatureException e) {
			return false;
		}
	}

	static void requireSigningKey(PrivateKey key) {
		try {
			newSignature().initSign(key);
		} catch (InvalidKeyException e) {
			throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
		}
	}

	static void requireVerificationKey(PublicKey key) {
		try {
			newSignature().initVerify(key);
		} catch (InvalidKeyException e) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm(), e);
		}
	}

	private static Signature newSignature() {
		try {
			return Signature.getInstance("Ed25519");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this JDK does not support Ed25519", e);
		}
	}
}
