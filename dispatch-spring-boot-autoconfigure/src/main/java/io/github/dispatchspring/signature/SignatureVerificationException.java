package io.github.dispatchspring.signature;

import java.util.Objects;

/**
 * Thrown when an incoming request does not carry a valid Dispatch request signature.
 *
 * <p>The {@link #kind()} separates requests that lack a usable signature (answer with HTTP 401)
 * from requests whose signature was checked and found wrong (answer with HTTP 403).
 */
public final class SignatureVerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why verification failed. */
	public enum Kind {
		/**
		 * No signature headers, unparsable headers, missing {@code created}, a required component
		 * not covered, or an unsupported algorithm.
		 */
		MISSING_OR_MALFORMED(401),
		/** The signature or digest does not match, or the signature is outside its validity window. */
		INVALID(403);

		private final int httpStatus;

		Kind(int httpStatus) {
			this.httpStatus = httpStatus;
		}

		/** The HTTP status code a server should answer with. */
		public int httpStatus() {
			return httpStatus;
		}
	}

	private final Kind kind;

	public SignatureVerificationException(Kind kind, String message) {
		super(message);
		this.kind = Objects.requireNonNull(kind, "kind");
	}

	static SignatureVerificationException malformed(String message) {
		return new SignatureVerificationException(Kind.MISSING_OR_MALFORMED, message);
	}

	static SignatureVerificationException invalid(String message) {
		return new SignatureVerificationException(Kind.INVALID, message);
	}

	public Kind kind() {
		return kind;
	}

	/** The HTTP status code a server should answer with: 401 or 403. */
	public int httpStatus() {
		return kind.httpStatus();
	}
}
