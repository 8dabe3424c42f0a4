package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dispatchspring.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcceptedSignaturesTest {

	private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

	private final MutableClock clock = new MutableClock(NOW);

	private final Random random = new Random(9421);

	@Test
	void acceptsASignatureOnce() {
		AcceptedSignatures accepted = new AcceptedSignatures(Duration.ofMinutes(5), 10, clock);
		VerifiedSignature signature = signature(NOW);

		assertThat(accepted.isReplay(signature)).isFalse();
		assertThat(accepted.accept(signature)).isTrue();
		assertThat(accepted.isReplay(signature)).isTrue();
		assertThat(accepted.accept(new VerifiedSignature(signature.bytes().clone(), NOW))).isFalse();
		assertThat(accepted.accept(signature(NOW))).isTrue();
	}

	@Test
	void forgetsSignaturesOnceTheyAreTooOldToBeAccepted() {
		AcceptedSignatures accepted = new AcceptedSignatures(Duration.ofMinutes(5), 10, clock);
		accepted.accept(signature(NOW));
		accepted.accept(signature(NOW.plusSeconds(60)));

		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		accepted.accept(signature(clock.instant()));

		assertThat(accepted.size()).isEqualTo(2);
	}

	@Test
	void refusesSignaturesNoNewerThanTheOldestForgottenBeyondItsCapacity() {
		AcceptedSignatures accepted = new AcceptedSignatures(Duration.ofMinutes(5), 3, clock);
		VerifiedSignature first = signature(NOW);
		accepted.accept(first);
		for (int second = 1; second <= 3; second++) {
			assertThat(accepted.accept(signature(NOW.plusSeconds(second)))).isTrue();
		}

		assertThat(accepted.size()).isEqualTo(3);
		assertThat(accepted.accept(first)).as("forgotten, but not accepted again").isFalse();
		assertThat(accepted.accept(signature(NOW))).as("as old as the forgotten one").isFalse();
		assertThat(accepted.accept(signature(NOW.plusSeconds(4)))).isTrue();
	}

	private VerifiedSignature signature(Instant created) {
		byte[] bytes = new byte[64];
		random.nextBytes(bytes);
		return new VerifiedSignature(bytes, created);
	}
}
