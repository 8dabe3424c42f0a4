package io.github.dispatchspring.webhook.signature;

import static io.github.dispatchspring.webhook.signature.SignatureVerificationException.invalid;
import static io.github.dispatchspring.webhook.signature.SignatureVerificationException.malformed;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the Dispatch request signature and {@code Content-Digest} of an incoming request.
 *
 * <p>The signature must cover at least {@code "@method" "@path" "@authority" "content-type"
 * "content-digest"}, carry a {@code created} time within {@code maxAge} in the past and
 * {@code clockSkew} in the future, not be past its {@code expires} time, and use {@code ed25519}
 * if it names an algorithm.
 */
public final class RequestVerifier {

	/** How old a signature may be by default. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
	/** How far in the future a signature may be created by default. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

	private final PublicKey key;
	private final Clock clock;
	private final Duration maxAge;
	private final Duration clockSkew;

	/**
	 * @param key an Ed25519 public key, e.g. from {@link Ed25519Keys#parseVerificationKey(String)}
	 * @throws IllegalArgumentException if the key is not an Ed25519 public key or a duration is negative
	 */
	public RequestVerifier(PublicKey key, Clock clock, Duration maxAge, Duration clockSkew) {
		this.key = Objects.requireNonNull(key, "key");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.maxAge = requireNotNegative(maxAge, "maxAge");
		this.clockSkew = requireNotNegative(clockSkew, "clockSkew");
		Ed25519.requireVerificationKey(key);
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
		ReceivedSignature received = ReceivedSignature.from(request);
		SignatureParameters parameters = received.parameters();
		requireDispatchComponents(parameters.components());
		requireAlgorithm(parameters);
		requireFresh(parameters);
		String base = SignatureBase.render(parameters, request::componentValue);
		if (!Ed25519.verify(key, base, received.signature())) {
			throw invalid("signature " + received.label() + " does not match the request");
		}
		ContentDigest.verify(request.header(ContentDigest.HEADER), request.body());
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

	private void requireFresh(SignatureParameters parameters) {
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
