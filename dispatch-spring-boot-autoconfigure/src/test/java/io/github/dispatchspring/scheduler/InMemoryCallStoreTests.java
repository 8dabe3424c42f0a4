package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryCallStore}.
 */
class InMemoryCallStoreTests extends CallStoreContractTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@Override
	protected CallStore createStore(Clock clock, FlowControl flow) {
		return new InMemoryCallStore(clock, flow);
	}

	@Test
	void tellsWhenTheNextCallIsDue() {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		InMemoryCallStore store = new InMemoryCallStore(new MutableClock(now));
		assertThat(store.nextDue()).isNull();
		store.add(List.of(callCreatedAt("later", now.plusSeconds(30)), callCreatedAt("soon", now.plusSeconds(10))));
		assertThat(store.nextDue()).isEqualTo(now.plusSeconds(10));
	}

	@Test
	void nextDueFollowsLeasesAndRetriesAndEndsWithTheCall() {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		MutableClock clock = new MutableClock(now);
		InMemoryCallStore store = new InMemoryCallStore(clock);
		store.add(List.of(callCreatedAt("a", now)));
		ClaimedCall first = store.claim(1, LEASE).get(0);
		assertThat(store.nextDue()).as("when the lease expires").isEqualTo(now.plus(LEASE));
		Transitions.record(store, new Transition.Retry(first, now.plus(Duration.ofHours(1)), false));
		assertThat(store.nextDue()).as("when the backoff ends").isEqualTo(now.plus(Duration.ofHours(1)));
		clock.advance(Duration.ofHours(1));
		ClaimedCall second = store.claim(1, LEASE).get(0);
		Transitions.record(store, new Transition.Complete(second, CallResult.getDefaultInstance(), DispatchStatus.OK));
		assertThat(store.nextDue()).isNull();
	}

}
