package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9421 Appendix B.2.6: signing with Ed25519 using the B.1.4 test key. */
class Rfc9421ExampleTest {

	static final String PRIVATE_KEY_PEM = """
			-----BEGIN PRIVATE KEY-----
			MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
			-----END PRIVATE KEY-----
			""";
	static final String PUBLIC_KEY_PEM = """
			-----BEGIN PUBLIC KEY-----
			MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
			-----END PUBLIC KEY-----
			""";

	static final String SIGNATURE_BASE = String.join("\n",
			"\"date\": Tue, 20 Apr 2021 02:07:55 GMT",
			"\"@method\": POST",
			"\"@path\": /foo",
			"\"@authority\": example.com",
			"\"content-type\": application/json",
			"\"content-length\": 18",
			"\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
					+ ";created=1618884473;keyid=\"test-key-ed25519\"");

	static final String SIGNATURE =
			"wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

	private final PrivateKey privateKey = Ed25519Keys.parseSigningKey(PRIVATE_KEY_PEM);
	private final PublicKey publicKey = Ed25519Keys.parseVerificationKey(PUBLIC_KEY_PEM);

	@Test
	void buildsTheSignatureBaseOfTheExample() {
		assertThat(SignatureBase.render(exampleParameters(), exampleRequest()::componentValue))
				.isEqualTo(SIGNATURE_BASE);
	}

	@Test
	void signingTheBaseGivesTheExampleSignature() {
		assertThat(Base64.getEncoder().encodeToString(Ed25519.sign(privateKey, SIGNATURE_BASE)))
				.isEqualTo(SIGNATURE);
	}

	@Test
	void theExampleSignatureVerifiesWithThePublicKey() {
		byte[] signature = Base64.getDecoder().decode(SIGNATURE);

		assertThat(Ed25519.verify(publicKey, SIGNATURE_BASE, signature)).isTrue();
		assertThat(Ed25519.verify(publicKey, SIGNATURE_BASE.replace("/foo", "/bar"), signature)).isFalse();
	}

	@Test
	void parsedExampleSignatureInputSerializesToTheSignatureParamsLine() {
		String signatureInput = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
				+ "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";
		SignedRequest request = SignedRequest.of("POST", "/foo", "example.com", Map.of(
				"Signature-Input", signatureInput,
				"Signature", "sig-b26=:" + SIGNATURE + ":"), new byte[0]);

		ReceivedSignature received = ReceivedSignature.from(request);

		assertThat(received.label()).isEqualTo("sig-b26");
		assertThat(received.parameters()).isEqualTo(exampleParameters());
		assertThat(received.signature()).isEqualTo(Base64.getDecoder().decode(SIGNATURE));
	}

	private static SignatureParameters exampleParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("created", 1618884473L);
		parameters.put("keyid", "test-key-ed25519");
		return new SignatureParameters(
				List.of("date", "@method", "@path", "@authority", "content-type", "content-length"), parameters);
	}

	private static SignedRequest exampleRequest() {
		return SignedRequest.of("POST", "/foo?param=Value&Pet=dog", "Example.com", Map.of(
				"Date", "Tue, 20 Apr 2021 02:07:55 GMT",
				"Content-Type", "application/json",
				"Content-Length", " 18 "), "{\"hello\": \"world\"}".getBytes());
	}
}
