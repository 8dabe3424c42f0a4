package io.github.dispatchspring.signature;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The signatures a server accepted while they are fresh, so that a captured request sent again is
 * refused. A signature is forgotten once it is too old to be accepted anyway.
 *
 * <p>The memory is bounded: beyond {@code capacity} signatures within the freshness window, the
 * oldest ones are forgotten early, and any signature created no later than the last one forgotten
 * is refused from then on, so a replay is never accepted; under that load the window shrinks to
 * what the capacity holds.
 */
public final class AcceptedSignatures {

	/** How many signatures are remembered by default. */
	public static final int DEFAULT_CAPACITY = 100_000;

	private final Duration freshness;
	private final int capacity;
	private final Clock clock;
	private final Set<Key> accepted = new HashSet<>();
	private final ArrayDeque<Entry> byArrival = new ArrayDeque<>();
	private Instant horizon = Instant.MIN;

	/**
	 * @param freshness how long after its creation a signature is accepted, e.g.
	 *     {@link RequestVerifier#freshness()}
	 * @param capacity how many signatures to remember at most
	 * @param clock tells when signatures become too old
	 */
	public AcceptedSignatures(Duration freshness, int capacity, Clock clock) {
		this.freshness = Objects.requireNonNull(freshness, "freshness");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		this.capacity = capacity;
	}

	/**
	 * Whether a signature was accepted already, or can no longer be told apart from one that was.
	 *
	 * @param signature the verified signature
	 * @return {@code true} if a request carrying it must be refused as a replay
	 */
	public synchronized boolean isReplay(VerifiedSignature signature) {
		forgetExpired();
		return !signature.created().isAfter(horizon) || accepted.contains(Key.of(signature));
	}

	/**
	 * Accepts a signature, unless it was accepted before.
	 *
	 * @param signature the verified signature
	 * @return {@code false} if a request carrying it must be refused as a replay
	 */
	public synchronized boolean accept(VerifiedSignature signature) {
		if (isReplay(signature)) {
			return false;
		}
		Key key = Key.of(signature);
		accepted.add(key);
		byArrival.addLast(new Entry(key, signature.created()));
		while (byArrival.size() > capacity) {
			Entry oldest = byArrival.removeFirst();
			accepted.remove(oldest.key());
			if (oldest.created().isAfter(horizon)) {
				horizon = oldest.created();
			}
		}
		return true;
	}

	/** How many signatures are remembered. */
	public synchronized int size() {
		return accepted.size();
	}

	private void forgetExpired() {
		Instant oldestFresh = clock.instant().minus(freshness);
		while (!byArrival.isEmpty() && byArrival.peekFirst().created().isBefore(oldestFresh)) {
			accepted.remove(byArrival.removeFirst().key());
		}
	}

	/** The first 16 bytes of a signature: Ed25519 signatures of different messages differ there. */
	private record Key(long high, long low) {

		static Key of(VerifiedSignature signature) {
			ByteBuffer bytes = ByteBuffer.wrap(Arrays.copyOf(signature.bytes(), 16));
			return new Key(bytes.getLong(), bytes.getLong());
		}
	}

	private record Entry(Key key, Instant created) {
	}
}
