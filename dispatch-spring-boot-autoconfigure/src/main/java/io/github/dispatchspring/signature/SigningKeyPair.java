package io.github.dispatchspring.signature;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * An Ed25519 key pair for Dispatch request signatures, with the encodings accepted by
 * {@code dispatch.signing-key} and {@code dispatch.verification-key}.
 *
 * @param signingKey the private key the sender signs with
 * @param verificationKey the public key the receiver verifies with
 */
public record SigningKeyPair(PrivateKey signingKey, PublicKey verificationKey) {

	public SigningKeyPair {
		Objects.requireNonNull(signingKey, "signingKey");
		Objects.requireNonNull(verificationKey, "verificationKey");
	}

	/** Generates a new random key pair. */
	public static SigningKeyPair generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new SigningKeyPair(pair.getPrivate(), pair.getPublic());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this JDK does not support Ed25519", e);
		}
	}

	/** Base64 of the raw 32-byte private key seed. */
	public String signingKeyBase64() {
		return Ed25519Keys.toBase64(signingKey);
	}

	/** Base64 of the raw 32-byte public key. */
	public String verificationKeyBase64() {
		return Ed25519Keys.toBase64(verificationKey);
	}

	/** PEM {@code PRIVATE KEY}. */
	public String signingKeyPem() {
		return Ed25519Keys.toPem(signingKey);
	}

	/** PEM {@code PUBLIC KEY}. */
	public String verificationKeyPem() {
		return Ed25519Keys.toPem(verificationKey);
	}
}
