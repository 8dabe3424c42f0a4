package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dispatchspring.signature.SignatureVerificationException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {

	private static final long CREATED = 1618884473;
	private static final Instant NOW = Instant.ofEpochSecond(CREATED);
	private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

	private final PrivateKey privateKey = Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM);
	private final PublicKey publicKey = Ed25519Keys.parseVerificationKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM);
	private final RequestVerifier verifier = verifierAt(NOW);
	private final Map<String, String> headers = signedHeaders();

	@Test
	void acceptsASignedRequest() {
		assertThatCode(() -> verifier.verify(request("POST", "/foo", "example.com:8443", headers, BODY)))
				.doesNotThrowAnyException();
		assertThatCode(() -> verifier.verify(request("POST", "/foo?other=query", "Example.COM:8443", headers, BODY)))
				.doesNotThrowAnyException();
	}

	@Test
	void rejectsAlteredRequestParts() {
		String mismatch = "signature dispatch does not match the request";
		assertFails(request("GET", "/foo", "example.com:8443", headers, BODY), Kind.INVALID, mismatch);
		assertFails(request("POST", "/bar", "example.com:8443", headers, BODY), Kind.INVALID, mismatch);
		assertFails(request("POST", "/foo", "example.com", headers, BODY), Kind.INVALID, mismatch);
		assertFails(request("POST", "/foo", "example.com:8443", with("Content-Type", "text/plain"), BODY),
				Kind.INVALID, mismatch);
		assertFails(request("POST", "/foo", "example.com:8443", headers, "{}".getBytes()),
				Kind.INVALID, "Content-Digest sha-512 does not match the request body");
		assertFails(request("POST", "/foo", "example.com:8443",
				with("Content-Digest", ContentDigest.of("{}".getBytes())), "{}".getBytes()), Kind.INVALID, mismatch);
	}

	@Test
	void rejectsStaleAndFutureSignatures() {
		SignedRequest request = request("POST", "/foo", "example.com:8443", headers, BODY);

		assertThatCode(() -> verifierAt(NOW.plusSeconds(300)).verify(request)).doesNotThrowAnyException();
		assertFails(verifierAt(NOW.plusSeconds(400)), request, Kind.INVALID,
				"signature created 400s ago, older than the 300s limit");
		assertThatCode(() -> verifierAt(NOW.minusSeconds(5)).verify(request)).doesNotThrowAnyException();
		assertFails(verifierAt(NOW.minusSeconds(10)), request, Kind.INVALID,
				"signature created 10s in the future, beyond the 5s allowed clock skew");
	}

	@Test
	void honoursConfiguredLimits() {
		SignedRequest request = request("POST", "/foo", "example.com:8443", headers, BODY);
		Clock later = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
		Clock earlier = Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC);

		assertFails(new RequestVerifier(publicKey, later, Duration.ofSeconds(30), Duration.ZERO), request,
				Kind.INVALID, "signature created 60s ago, older than the 30s limit");
		assertThatCode(() -> new RequestVerifier(publicKey, earlier, Duration.ofSeconds(30), Duration.ofMinutes(2))
				.verify(request)).doesNotThrowAnyException();
	}

	@Test
	void honoursExpires() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("created", CREATED - 10);
		parameters.put("expires", CREATED - 8);
		Map<String, String> expiring = customSignature("dispatch", SignatureParameters.DISPATCH_COMPONENTS, parameters);

		assertFails(request("POST", "/foo", "example.com:8443", expiring, BODY), Kind.INVALID,
				"signature expired 8s ago");
		assertThatCode(() -> verifierAt(NOW.minusSeconds(10)).verify(request("POST", "/foo", "example.com:8443",
				expiring, BODY))).doesNotThrowAnyException();
	}

	@Test
	void missingHeadersAreMalformed() {
		assertFails(request("POST", "/foo", "example.com:8443", without("Signature"), BODY),
				Kind.MISSING_OR_MALFORMED, "request has no Signature header");
		assertFails(request("POST", "/foo", "example.com:8443", without("Signature-Input"), BODY),
				Kind.MISSING_OR_MALFORMED, "request has no Signature-Input header");
		assertFails(request("POST", "/foo", "example.com:8443", without("Content-Digest"), BODY),
				Kind.MISSING_OR_MALFORMED, "request has no content-digest header, which the signature covers");
	}

	@Test
	void requiresAllDispatchComponents() {
		Map<String, String> partial = customSignature("dispatch",
				List.of("@method", "@path", "@authority", "content-type"), Map.of("created", CREATED));

		assertFails(request("POST", "/foo", "example.com:8443", partial, BODY),
				Kind.MISSING_OR_MALFORMED, "signature does not cover content-digest");
	}

	@Test
	void acceptsASupersetOfComponentsWithoutAlg() {
		List<String> components = List.of("date", "@method", "@path", "@authority", "content-type", "content-digest");
		Map<String, String> superset = customSignature("dispatch", components, Map.of("created", CREATED));

		assertThatCode(() -> verifier.verify(request("POST", "/foo", "example.com:8443", superset, BODY)))
				.doesNotThrowAnyException();
	}

	@Test
	void selectsTheSignatureLabelledDispatch() {
		Map<String, String> other = customSignature("sig1", SignatureParameters.DISPATCH_COMPONENTS,
				Map.of("created", CREATED));
		Map<String, String> both = new HashMap<>(headers);
		both.put("Signature-Input", other.get("Signature-Input") + ", " + headers.get("Signature-Input"));
		both.put("Signature", "sig1=:AAAA:,  " + headers.get("Signature"));

		assertThatCode(() -> verifier.verify(request("POST", "/foo", "example.com:8443", both, BODY)))
				.doesNotThrowAnyException();
		assertThatCode(() -> verifier.verify(request("POST", "/foo", "example.com:8443", other, BODY)))
				.doesNotThrowAnyException();

		Map<String, String> twoOthers = new HashMap<>(other);
		twoOthers.put("Signature-Input", other.get("Signature-Input") + ", "
				+ other.get("Signature-Input").replace("sig1=", "sig2="));
		assertFails(request("POST", "/foo", "example.com:8443", twoOthers, BODY),
				Kind.MISSING_OR_MALFORMED, "Signature-Input has no signature labelled dispatch among [sig1, sig2]");
	}

	@Test
	void rejectsMalformedParameters() {
		assertFails(request("POST", "/foo", "example.com:8443", customSignature("dispatch",
				SignatureParameters.DISPATCH_COMPONENTS, Map.of("keyid", "default")), BODY),
				Kind.MISSING_OR_MALFORMED, "signature has no created parameter");
		assertFails(request("POST", "/foo", "example.com:8443", customSignature("dispatch",
				SignatureParameters.DISPATCH_COMPONENTS, Map.of("created", CREATED, "alg", "rsa-pss-sha512")), BODY),
				Kind.MISSING_OR_MALFORMED, "unsupported signature algorithm \"rsa-pss-sha512\"");
		assertFails(request("POST", "/foo", "example.com:8443", with("Signature-Input", "dispatch=(\"@method\" garbage"),
				BODY), Kind.MISSING_OR_MALFORMED, "Signature-Input is not a valid structured-field dictionary");
		assertFails(request("POST", "/foo", "example.com:8443", with("Signature-Input", "dispatch=\"@method\""),
				BODY), Kind.MISSING_OR_MALFORMED, "Signature-Input dispatch is not an inner list");
		assertFails(request("POST", "/foo", "example.com:8443", with("Signature", "dispatch=\"abc\""), BODY),
				Kind.MISSING_OR_MALFORMED, "Signature dispatch is not a byte sequence");
	}

	@Test
	void rejectsWrongSignatureBytes() {
		assertFails(request("POST", "/foo", "example.com:8443", with("Signature", "dispatch=:AAAA:"), BODY),
				Kind.INVALID, "signature dispatch does not match the request");
		String signature = headers.get("Signature");
		byte[] bytes = Base64.getDecoder().decode(signature.substring("dispatch=:".length(), signature.length() - 1));
		bytes[0] ^= 1;
		String flipped = "dispatch=:" + Base64.getEncoder().encodeToString(bytes) + ":";
		assertFails(request("POST", "/foo", "example.com:8443", with("Signature", flipped), BODY),
				Kind.INVALID, "signature dispatch does not match the request");
	}

	@Test
	void rejectsKeysOfOtherAlgorithms() {
		assertThatThrownBy(() -> new RequestVerifier(SigningKeyPairs.rsaPublicKey(), Clock.systemUTC()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("not an Ed25519 public key");
	}

	private Map<String, String> signedHeaders() {
		RequestSigner signer = new RequestSigner(privateKey, Clock.fixed(NOW, ZoneOffset.UTC));
		Map<String, String> signed = new HashMap<>(signer.sign(
				"POST", URI.create("https://example.com:8443/foo?x=1"), "application/json", BODY).asMap());
		signed.put("Content-Type", "application/json");
		return signed;
	}

	private Map<String, String> customSignature(String label, List<String> components, Map<String, Object> params) {
		Map<String, String> custom = new HashMap<>(headers);
		custom.put("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
		SignatureParameters parameters = new SignatureParameters(components, new LinkedHashMap<>(params));
		SignedRequest request = request("POST", "/foo", "example.com:8443", custom, BODY);
		byte[] signature = Ed25519.sign(privateKey, SignatureBase.render(parameters, request::componentValue));
		custom.put("Signature-Input", label + "=" + parameters.serialize());
		custom.put("Signature", label + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
		return custom;
	}

	private Map<String, String> with(String header, String value) {
		Map<String, String> changed = new HashMap<>(headers);
		changed.put(header, value);
		return changed;
	}

	private Map<String, String> without(String header) {
		Map<String, String> changed = new HashMap<>(headers);
		changed.remove(header);
		return changed;
	}

	private RequestVerifier verifierAt(Instant now) {
		return new RequestVerifier(publicKey, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static SignedRequest request(
			String method, String path, String authority, Map<String, String> headers, byte[] body) {
		return SignedRequest.of(method, path, authority, headers, body);
	}

	private void assertFails(SignedRequest request, Kind kind, String messageStart) {
		assertFails(verifier, request, kind, messageStart);
	}

	private static AbstractThrowableAssert<?, ?> assertFails(
			RequestVerifier verifier, SignedRequest request, Kind kind, String messageStart) {
		return assertThatThrownBy(() -> verifier.verify(request))
				.isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
					assertThat(e.kind()).isEqualTo(kind);
					assertThat(e.httpStatus()).isEqualTo(kind == Kind.INVALID ? 403 : 401);
				})
				.hasMessageStartingWith(messageStart);
	}
}
