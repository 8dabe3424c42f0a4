package io.github.dispatchspring.signature;

import java.net.URI;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs outgoing requests the way the Dispatch scheduler does: an Ed25519 signature labelled
 * {@code dispatch} over {@code "@method" "@path" "@authority" "content-type" "content-digest"},
 * with a random {@code nonce} so that no two signatures are the same.
 */
public final class RequestSigner {

	private static final SecureRandom random = new SecureRandom();

	private final PrivateKey key;
	private final Clock clock;
	private final Supplier<String> nonces;

	/**
	 * @param key an Ed25519 private key, e.g. from {@link Ed25519Keys#parseSigningKey(String)}
	 * @param clock supplies the {@code created} time
	 * @throws IllegalArgumentException if the key is not an Ed25519 private key
	 */
	public RequestSigner(PrivateKey key, Clock clock) {
		this(key, clock, RequestSigner::randomNonce);
	}

	RequestSigner(PrivateKey key, Clock clock, Supplier<String> nonces) {
		this.key = Objects.requireNonNull(key, "key");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonces = Objects.requireNonNull(nonces, "nonces");
		Ed25519.requireSigningKey(key);
	}

	/**
	 * Computes the headers to add to a request.
	 *
	 * @param method the request method, e.g. {@code POST}
	 * @param uri the absolute request URI; {@code @path} and {@code @authority} are derived from it
	 * @param contentType the {@code Content-Type} header the request is sent with
	 * @param body the request body; {@code null} means empty
	 */
	public SignatureHeaders sign(String method, URI uri, String contentType, byte[] body) {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(contentType, "contentType");
		String contentDigest = ContentDigest.of(body);
		SignedRequest request = SignedRequest.of(method, path(uri), authority(uri),
				Map.of("Content-Type", contentType, ContentDigest.HEADER, contentDigest), body);
		SignatureParameters parameters = SignatureParameters.dispatch(clock.instant().getEpochSecond(), nonces.get());
		byte[] signature = Ed25519.sign(key, SignatureBase.render(parameters, request::componentValue));
		String label = SignatureParameters.LABEL;
		return new SignatureHeaders(
				contentDigest,
				label + "=" + parameters.serialize(),
				label + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
	}

	private static String randomNonce() {
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
	}

	/** The {@code Host} header value for {@code uri}: lower-case host, and the port only if not the scheme's default. */
	static String authority(URI uri) {
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("request URI has no host: " + uri);
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		boolean defaultPort = port == -1
				|| (port == 80 && scheme.equals("http"))
				|| (port == 443 && scheme.equals("https"));
		return defaultPort ? host : host + ":" + port;
	}

	private static String path(URI uri) {
		String path = uri.getRawPath();
		return path == null || path.isEmpty() ? "/" : path;
	}
}
