package io.github.dispatchspring.signature;

/**
 * Command-line entry point that generates a new Ed25519 key pair and prints it as the Spring
 * properties and environment variables a Dispatch application is configured with.
 *
 * <pre>java -cp dispatch-spring-boot-autoconfigure.jar io.github.dispatchspring.signature.GenerateSigningKeys</pre>
 */
public final class GenerateSigningKeys {

	private GenerateSigningKeys() {
	}

	public static void main(String[] args) {
		System.out.print(describe(SigningKeyPair.generate()));
	}

	/** The text printed by {@link #main(String[])} for {@code keys}. */
	static String describe(SigningKeyPair keys) {
		String signing = keys.signingKeyBase64();
		String verification = keys.verificationKeyBase64();
		return """
				# New Ed25519 key pair for Dispatch request signatures.
				# Keep the signing key secret; the verification key may be shared.

				# As Spring properties (application.properties):
				%s=%s
				%s=%s

				# Or as environment variables:
				DISPATCH_SIGNING_KEY=%s
				DISPATCH_VERIFICATION_KEY=%s
				""".formatted(
				Ed25519Keys.SIGNING_KEY_PROPERTY, signing,
				Ed25519Keys.VERIFICATION_KEY_PROPERTY, verification,
				signing, verification);
	}
}
