package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated headers must only ever produce success or a {@link SignatureVerificationException}. */
class SignatureFuzzTest {

	private static final String ALPHABET =
			"abcdz*AZ09-_.:;=,()\"\\?/+ \t!#$%&'^`|~@[]{}<>\u00e9\u0000\n\r\u2028=:AQID";
	private static final Instant NOW = Instant.ofEpochSecond(1618884473);
	private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
	private static final String[] FIELDS = {"Signature-Input", "Signature", "Content-Digest"};

	private final Random random = new Random(9421);
	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
	private final RequestVerifier verifier =
			new RequestVerifier(Ed25519Keys.parseVerificationKey(Rfc9421ExampleTest.PUBLIC_KEY_PEM), clock);
	private final Map<String, String> valid = new HashMap<>(new RequestSigner(
			Ed25519Keys.parseSigningKey(Rfc9421ExampleTest.PRIVATE_KEY_PEM), clock)
			.sign("POST", URI.create("https://example.com/foo"), "application/json", BODY).asMap());

	{
		valid.put("Content-Type", "application/json");
	}

	@Test
	void mutatedHeadersFailOnlyWithSignatureVerificationException() {
		List<Throwable> failures = new ArrayList<>();
		int accepted = 0;
		for (int i = 0; i < 5000; i++) {
			Map<String, String> headers = new HashMap<>(valid);
			String field = FIELDS[random.nextInt(FIELDS.length)];
			headers.put(field, i % 5 == 0 ? randomString(random.nextInt(80)) : mutate(valid.get(field)));
			try {
				verifier.verify(SignedRequest.of("POST", "/foo", "example.com", headers, BODY));
				accepted++;
			} catch (SignatureVerificationException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			} catch (RuntimeException | Error unexpected) {
				failures.add(unexpected);
			}
		}
		assertThat(failures).isEmpty();
		assertThat(accepted).isLessThan(5000);
	}

	@Test
	void randomDictionariesParseOrFailWithSignatureVerificationException() {
		for (int i = 0; i < 5000; i++) {
			String input = i % 2 == 0 ? randomString(random.nextInt(60)) : mutate(valid.get("Signature-Input"));
			try {
				StructuredFieldParser.parseDictionary("Signature-Input", input);
			} catch (SignatureVerificationException expected) {
				assertThat(expected.getMessage()).startsWith("Signature-Input is not a valid structured-field");
			}
		}
	}

	private String mutate(String value) {
		StringBuilder out = new StringBuilder(value);
		int edits = 1 + random.nextInt(4);
		for (int e = 0; e < edits && out.length() > 0; e++) {
			int at = random.nextInt(out.length());
			switch (random.nextInt(4)) {
				case 0 -> out.deleteCharAt(at);
				case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(12))));
			}
		}
		return out.toString();
	}

	private String randomString(int length) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
