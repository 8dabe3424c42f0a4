package io.github.dispatchspring.signature;

import static io.github.dispatchspring.signature.SignatureVerificationException.invalid;
import static io.github.dispatchspring.signature.SignatureVerificationException.malformed;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the Dispatch request signature and {@code Content-Digest} of an incoming request.
 *
 * <p>The signature must cover at least {@code "@method" "@path" "@authority" "content-type"
 * "content-digest"}, carry a {@code created} time within {@code maxAge} in the past and
 * {@code clockSkew} in the future, not be past its {@code expires} time, use {@code ed25519}
 * if it names an algorithm, and be made with one of the verifier's keys.
 *
 * <p>Since the signature covers the {@code Content-Digest} header rather than the body, a server
 * can check it with {@link #verifyHead} before it reads the body, then check the body against the
 * digest with {@link #verifyBody}.
 */
public final class RequestVerifier {

	/** How old a signature may be by default. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
	/** How far in the future a signature may be created by default. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

	private final List<PublicKey> keys;
	private final Clock clock;
	private final Duration maxAge;
	private final Duration clockSkew;

	/**
	 * @param key an Ed25519 public key, e.g. from {@link Ed25519Keys#parseVerificationKey(String)}
	 * @throws IllegalArgumentException if the key is not an Ed25519 public key or a duration is negative
	 */
	public RequestVerifier(PublicKey key, Clock clock, Duration maxAge, Duration clockSkew) {
		this(List.of(Objects.requireNonNull(key, "key")), clock, maxAge, clockSkew);
	}

	/**
	 * A verifier accepting signatures made with any of several keys.
	 *
	 * @param keys Ed25519 public keys, at least one
	 * @throws IllegalArgumentException if there is no key, a key is not an Ed25519 public key or a
	 *     duration is negative
	 */
	public RequestVerifier(Collection<PublicKey> keys, Clock clock, Duration maxAge, Duration clockSkew) {
		this.keys = List.copyOf(keys);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.maxAge = requireNotNegative(maxAge, "maxAge");
		this.clockSkew = requireNotNegative(clockSkew, "clockSkew");
		if (this.keys.isEmpty()) {
			throw new IllegalArgumentException("a request verifier needs at least one key");
		}
		this.keys.forEach(Ed25519::requireVerificationKey);
	}

	/** A verifier with the default {@link #DEFAULT_MAX_AGE} and {@link #DEFAULT_CLOCK_SKEW}. */
	public RequestVerifier(PublicKey key, Clock clock) {
		this(key, clock, DEFAULT_MAX_AGE, DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @throws SignatureVerificationException if the request is not correctly signed; its
	 *     {@link SignatureVerificationException#kind() kind} tells a missing or malformed signature
	 *     (HTTP 401) from an invalid one (HTTP 403)
	 */
	public void verify(SignedRequest request) {
		verifyHead(request);
		verifyBody(request);
	}

	/**
	 * Verifies everything but the body: the signature over the covered components, including the
	 * {@code Content-Digest} header, its parameters and its age. The request's body is not used.
	 *
	 * @return the verified signature
	 * @throws SignatureVerificationException if the request is not correctly signed
	 */
	public VerifiedSignature verifyHead(SignedRequest request) {
		ReceivedSignature received = ReceivedSignature.from(request);
		SignatureParameters parameters = received.parameters();
		requireDispatchComponents(parameters.components());
		requireAlgorithm(parameters);
		Instant created = requireFresh(parameters);
		String base = SignatureBase.render(parameters, request::componentValue);
		if (keys.stream().noneMatch(key -> Ed25519.verify(key, base, received.signature()))) {
			throw invalid("signature " + received.label() + " does not match the request");
		}
		return new VerifiedSignature(received.signature(), created);
	}

	/**
	 * Verifies the body of a request whose head {@link #verifyHead} accepted against its
	 * {@code Content-Digest} header.
	 *
	 * @return the signature of the request, as {@link #verifyHead} returned it
	 * @throws SignatureVerificationException if the body does not match the digest
	 */
	public VerifiedSignature verifyBody(SignedRequest request) {
		ReceivedSignature received = ReceivedSignature.from(request);
		ContentDigest.verify(request.header(ContentDigest.HEADER), request.body());
		Instant created = epochSeconds(received.parameters(), "created")
				.orElseThrow(() -> malformed("signature has no created parameter"));
		return new VerifiedSignature(received.signature(), created);
	}

	/** How long after its creation a signature is accepted, clock skew included. */
	public Duration freshness() {
		return maxAge.plus(clockSkew);
	}

	private static void requireDispatchComponents(List<String> covered) {
		List<String> missing = SignatureParameters.DISPATCH_COMPONENTS.stream()
				.filter(component -> !covered.contains(component))
				.toList();
		if (!missing.isEmpty()) {
			throw malformed("signature does not cover " + String.join(", ", missing));
		}
	}

	private static void requireAlgorithm(SignatureParameters parameters) {
		parameters.parameter("alg").ifPresent(alg -> {
			if (!SignatureParameters.ALGORITHM.equals(alg)) {
				throw malformed("unsupported signature algorithm " + StructuredFields.serializeBareItem(alg)
						+ ", expected \"" + SignatureParameters.ALGORITHM + "\"");
			}
		});
	}

	private Instant requireFresh(SignatureParameters parameters) {
		Instant now = clock.instant();
		Instant created = epochSeconds(parameters, "created")
				.orElseThrow(() -> malformed("signature has no created parameter"));
		Duration age = Duration.between(created, now);
		if (age.compareTo(maxAge) > 0) {
			throw invalid("signature created " + age.getSeconds() + "s ago, older than the "
					+ maxAge.getSeconds() + "s limit");
		}
		if (age.negated().compareTo(clockSkew) > 0) {
			throw invalid("signature created " + age.negated().getSeconds() + "s in the future, beyond the "
					+ clockSkew.getSeconds() + "s allowed clock skew");
		}
		epochSeconds(parameters, "expires").ifPresent(expires -> {
			if (Duration.between(expires, now).compareTo(clockSkew) > 0) {
				throw invalid("signature expired " + Duration.between(expires, now).getSeconds() + "s ago");
			}
		});
		return created;
	}

	private static Optional<Instant> epochSeconds(SignatureParameters parameters, String name) {
		return parameters.parameter(name).map(value -> {
			if (!(value instanceof Long seconds)) {
				throw malformed("signature " + name + " parameter is not an integer");
			}
			return Instant.ofEpochSecond(seconds);
		});
	}

	private static Duration requireNotNegative(Duration duration, String name) {
		if (Objects.requireNonNull(duration, name).isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative: " + duration);
		}
		return duration;
	}
}
