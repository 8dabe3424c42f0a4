package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1618884473), ZoneOffset.UTC);
	private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
	private static final String DIGEST =
			"sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

	private final RequestSigner signer =
			new RequestSigner(Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM), CLOCK, () -> "n0nce");

	@Test
	void producesTheDispatchHeaders() {
		SignatureHeaders headers = signer.sign("POST", URI.create("https://example.com/foo?x=1"), "application/json", BODY);

		assertThat(headers.contentDigest()).isEqualTo(DIGEST);
		assertThat(headers.signatureInput()).isEqualTo("dispatch=(\"@method\" \"@path\" \"@authority\" "
				+ "\"content-type\" \"content-digest\");created=1618884473;keyid=\"default\";alg=\"ed25519\";nonce=\"n0nce\"");
		assertThat(headers.signature()).matches("dispatch=:[A-Za-z0-9+/]{86}==:");
		assertThat(headers.asMap()).containsExactly(
				entry("Content-Digest", headers.contentDigest()),
				entry("Signature-Input", headers.signatureInput()),
				entry("Signature", headers.signature()));
	}

	@Test
	void signsTheRfc9421SignatureBase() throws Exception {
		SignatureHeaders headers =
				signer.sign("POST", URI.create("https://Example.com:8443/foo?x=1"), "application/json", BODY);
		String expectedBase = String.join("\n",
				"\"@method\": POST",
				"\"@path\": /foo",
				"\"@authority\": example.com:8443",
				"\"content-type\": application/json",
				"\"content-digest\": " + DIGEST,
				"\"@signature-params\": (\"@method\" \"@path\" \"@authority\" \"content-type\" \"content-digest\")"
						+ ";created=1618884473;keyid=\"default\";alg=\"ed25519\";nonce=\"n0nce\"");

		PublicKey publicKey = Ed25519Keys.parseVerificationKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM);
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(publicKey);
		ed25519.update(expectedBase.getBytes(StandardCharsets.US_ASCII));
		String signature = headers.signature();
		byte[] signatureBytes = Base64.getDecoder().decode(signature.substring("dispatch=:".length(), signature.length() - 1));

		assertThat(ed25519.verify(signatureBytes)).isTrue();
	}

	@Test
	void signsTheSameRequestDifferentlyEachTime() {
		RequestSigner randomNonces =
				new RequestSigner(Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM), CLOCK);
		URI uri = URI.create("https://example.com/foo");

		SignatureHeaders first = randomNonces.sign("POST", uri, "application/json", BODY);
		SignatureHeaders second = randomNonces.sign("POST", uri, "application/json", BODY);

		assertThat(first.signatureInput()).contains(";nonce=\"").isNotEqualTo(second.signatureInput());
		assertThat(first.signature()).isNotEqualTo(second.signature());
	}

	@Test
	void authorityIsTheHostHeaderValue() {
		assertThat(RequestSigner.authority(URI.create("https://Example.COM/x"))).isEqualTo("example.com");
		assertThat(RequestSigner.authority(URI.create("https://example.com:443/x"))).isEqualTo("example.com");
		assertThat(RequestSigner.authority(URI.create("http://example.com:80/x"))).isEqualTo("example.com");
		assertThat(RequestSigner.authority(URI.create("http://example.com:443/x"))).isEqualTo("example.com:443");
		assertThat(RequestSigner.authority(URI.create("https://example.com:8443/x"))).isEqualTo("example.com:8443");
		assertThat(RequestSigner.authority(URI.create("http://[::1]:8080/x"))).isEqualTo("[::1]:8080");
	}

	@Test
	void rejectsUnusableInput() {
		assertThatThrownBy(() -> signer.sign("POST", URI.create("/relative"), "application/json", BODY))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no host");
		assertThatThrownBy(() -> new RequestSigner(SigningKeyPairs.rsaPrivateKey(), CLOCK))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("not an Ed25519 private key");
	}
}
