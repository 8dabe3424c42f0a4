package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

	private static final String PUBLIC_RAW = "JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
	private static final String PRIVATE_RAW = "n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=";

	@Test
	void parsesPemKeys() {
		PublicKey publicKey = Ed25519Keys.parseVerificationKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM);
		PrivateKey privateKey = Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM);

		assertThat(Ed25519Keys.toBase64(publicKey)).isEqualTo(PUBLIC_RAW);
		assertThat(Ed25519Keys.toBase64(privateKey)).isEqualTo(PRIVATE_RAW);
	}

	@Test
	void parsesPemWithLiteralBackslashN() {
		String publicPem = Rfc9421ExampleTest.PUBLIC_KEY_PEM.strip().replace("\n", "\\n");
		String privatePem = Rfc9421ExampleTest.PRIVATE_KEY_PEM.strip().replace("\n", "\\n");

		assertThat(publicPem).doesNotContain("\n");
		assertThat(Ed25519Keys.toBase64(Ed25519Keys.parseVerificationKey(publicPem))).isEqualTo(PUBLIC_RAW);
		assertThat(Ed25519Keys.toBase64(Ed25519Keys.parseSigningKey(privatePem))).isEqualTo(PRIVATE_RAW);
	}

	@Test
	void parsesBase64RawKeys() {
		PublicKey publicKey = Ed25519Keys.parseVerificationKey(" " + PUBLIC_RAW + "\n");
		PrivateKey privateKey = Ed25519Keys.parseSigningKey(PRIVATE_RAW);

		assertThat(publicKey.getEncoded())
				.isEqualTo(Ed25519Keys.parseVerificationKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM).getEncoded());
		assertThat(Ed25519Keys.toBase64(privateKey)).isEqualTo(PRIVATE_RAW);
		assertThat(Ed25519Keys.toPem(publicKey)).isEqualTo(Rfc9421ExampleTest.PUBLIC_KEY_PEM);
		assertThat(Ed25519Keys.toPem(privateKey)).isEqualTo(Rfc9421ExampleTest.PRIVATE_KEY_PEM);
	}

	@Test
	void rejectsBadVerificationKeys() {
		String neither = "dispatch.verification-key is neither a PEM public key nor base64 of a raw 32-byte Ed25519 key";
		assertRejectedVerificationKey("not-base64!", neither + " (it is not valid base64)");
		assertRejectedVerificationKey(Base64.getEncoder().encodeToString(new byte[31]), neither + " (it decodes to 31 bytes)");
		assertRejectedVerificationKey("-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----",
				neither + " (the PEM block is malformed)");
		assertRejectedVerificationKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM,
				"dispatch.verification-key is a PEM PRIVATE KEY, expected a PEM PUBLIC KEY");
		assertRejectedVerificationKey(pem("PUBLIC KEY", SigningKeyPairs.rsaPublicKey().getEncoded()),
				"dispatch.verification-key is not an Ed25519 public key");
		assertRejectedVerificationKey("  ", "dispatch.verification-key is empty");
		assertRejectedVerificationKey(null, "dispatch.verification-key is empty");
	}

	@Test
	void rejectsBadSigningKeys() {
		String neither = "dispatch.signing-key is neither a PEM private key nor base64 of a raw 32-byte Ed25519 seed";
		assertThatThrownBy(() -> Ed25519Keys.parseSigningKey(Base64.getEncoder().encodeToString(new byte[64])))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage(neither + " (it decodes to 64 bytes)");
		assertThatThrownBy(() -> Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("dispatch.signing-key is a PEM PUBLIC KEY, expected a PEM PRIVATE KEY");
	}

	@Test
	void generatedKeyPairSignsAndVerifies() {
		SigningKeyPair generated = SigningKeyPair.generate();
		PrivateKey signingKey = Ed25519Keys.parseSigningKey(generated.signingKeyBase64());
		PublicKey verificationKey = Ed25519Keys.parseVerificationKey(generated.verificationKeyPem());
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		Map<String, String> headers = new HashMap<>(new RequestSigner(signingKey, Clock.systemUTC())
				.sign("POST", URI.create("http://localhost:8080/dispatch"), "application/json", body).asMap());
		headers.put("Content-Type", "application/json");

		assertThat(Ed25519Keys.parseSigningKey(generated.signingKeyPem()).getEncoded())
				.isEqualTo(generated.signingKey().getEncoded());
		assertThatCode(() -> new RequestVerifier(verificationKey, Clock.systemUTC())
				.verify(SignedRequest.of("POST", "/dispatch", "localhost:8080", headers, body)))
				.doesNotThrowAnyException();
		assertThatThrownBy(() -> new RequestVerifier(SigningKeyPair.generate().verificationKey(), Clock.systemUTC())
				.verify(SignedRequest.of("POST", "/dispatch", "localhost:8080", headers, body)))
				.isInstanceOf(SignatureVerificationException.class);
	}

	@Test
	void describesGeneratedKeysAsPropertiesAndEnvironmentVariables() {
		SigningKeyPair keys = new SigningKeyPair(Ed25519Keys.parseSigningKey(PRIVATE_RAW),
				Ed25519Keys.parseVerificationKey(PUBLIC_RAW));

		assertThat(GenerateSigningKeys.describe(keys)).contains(
				"\ndispatch.signing-key=" + PRIVATE_RAW + "\n",
				"\ndispatch.verification-key=" + PUBLIC_RAW + "\n",
				"\nDISPATCH_SIGNING_KEY=" + PRIVATE_RAW + "\n",
				"\nDISPATCH_VERIFICATION_KEY=" + PUBLIC_RAW + "\n");
	}

	private static void assertRejectedVerificationKey(String text, String message) {
		assertThatThrownBy(() -> Ed25519Keys.parseVerificationKey(text))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage(message);
	}

	private static String pem(String type, byte[] der) {
		return new PemBlock(type, der).encode();
	}
}
