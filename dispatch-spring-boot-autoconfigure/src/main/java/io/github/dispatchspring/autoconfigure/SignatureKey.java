package io.github.dispatchspring.autoconfigure;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.Function;

import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.GenerateSigningKeys;

/**
 * A key property of request signatures, read with a message that names the property and its
 * environment variable when the value is not a usable key.
 *
 * @param property the configuration property
 * @param environmentVariable the environment variable that sets it
 * @param expected what the value must be
 * @param parser reads the value
 * @param <K> the key type
 */
record SignatureKey<K>(String property, String environmentVariable, String expected, Function<String, K> parser) {

	static final SignatureKey<PublicKey> VERIFICATION_KEY = new SignatureKey<>("dispatch.verification-key",
			"DISPATCH_VERIFICATION_KEY", "the Ed25519 public key of the scheduler, as PEM or base64 of the raw 32 bytes",
			Ed25519Keys::parseVerificationKey);

	static final SignatureKey<PrivateKey> SIGNING_KEY = new SignatureKey<>("dispatch.signing-key", "DISPATCH_SIGNING_KEY",
			"an Ed25519 private key, as PEM or base64 of the raw 32 bytes", Ed25519Keys::parseSigningKey);

	/**
	 * Reads the key.
	 * @param value the property's value
	 * @return the key
	 * @throws IllegalStateException if the value is not a key of the expected kind; it carries no cause,
	 * which could show a part of the value
	 */
	K parse(String value) {
		try {
			return this.parser.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage() + ": set " + this.property + " or the "
					+ this.environmentVariable + " environment variable to " + this.expected + " ("
					+ GenerateSigningKeys.class.getName() + " prints a new key pair)");
		}
	}

}
