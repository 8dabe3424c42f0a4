package io.github.dispatchspring.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock under the test kit: it stands still until the kit moves it forward, and
 * never goes back.
 */
final class VirtualClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	VirtualClock(Instant start) {
		this(new AtomicReference<>(start), ZoneOffset.UTC);
	}

	private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** A clock that starts at the current time, to the millisecond. */
	static VirtualClock startingNow() {
		return new VirtualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/** Moves the clock forward to the given time, or leaves it if it is past that time already. */
	void advanceTo(Instant time) {
		this.now.accumulateAndGet(time, (current, target) -> target.isAfter(current) ? target : current);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new VirtualClock(this.now, zone);
	}

}
