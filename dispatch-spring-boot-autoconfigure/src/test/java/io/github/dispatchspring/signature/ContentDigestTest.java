package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dispatchspring.signature.SignatureVerificationException.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

	private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
	private static final String SHA_512 =
			"sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";
	private static final String SHA_256 = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";
	private static final String WRONG_SHA_256 = "sha-256=:AAAE9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

	@Test
	void computesTheRfc9530Example() {
		assertThat(ContentDigest.of(BODY)).isEqualTo(SHA_512);
	}

	@Test
	void acceptsMatchingSha512OrSha256() {
		assertThatCode(() -> ContentDigest.verify(SHA_512, BODY)).doesNotThrowAnyException();
		assertThatCode(() -> ContentDigest.verify(SHA_256, BODY)).doesNotThrowAnyException();
		assertThatCode(() -> ContentDigest.verify(SHA_256 + ",  " + SHA_512, BODY)).doesNotThrowAnyException();
		assertThatCode(() -> ContentDigest.verify("md5=:AAAA:, " + SHA_512, BODY)).doesNotThrowAnyException();
	}

	@Test
	void rejectsADifferentBody() {
		assertThatThrownBy(() -> ContentDigest.verify(SHA_512, "{\"hello\": \"World\"}".getBytes()))
				.isInstanceOfSatisfying(SignatureVerificationException.class,
						e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
				.hasMessage("Content-Digest sha-512 does not match the request body");
	}

	@Test
	void everyKnownDigestPresentMustMatch() {
		assertThatThrownBy(() -> ContentDigest.verify(SHA_512 + ", " + WRONG_SHA_256, BODY))
				.isInstanceOfSatisfying(SignatureVerificationException.class,
						e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
				.hasMessage("Content-Digest sha-256 does not match the request body");
	}

	@Test
	void missingOrUnusableHeaderIsMalformed() {
		assertMalformed(null, "request has no Content-Digest header");
		assertMalformed("  ", "request has no Content-Digest header");
		assertMalformed("md5=:AAAA:", "Content-Digest has neither a sha-512 nor a sha-256 digest");
		assertMalformed("sha-512=\"abc\"", "Content-Digest sha-512 is not a byte sequence");
		assertMalformed("sha-512=:not base64!:", "Content-Digest is not a valid structured-field dictionary");
	}

	private static void assertMalformed(String header, String message) {
		assertThatThrownBy(() -> ContentDigest.verify(header, BODY))
				.isInstanceOfSatisfying(SignatureVerificationException.class,
						e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_OR_MALFORMED))
				.hasMessageStartingWith(message);
	}
}
