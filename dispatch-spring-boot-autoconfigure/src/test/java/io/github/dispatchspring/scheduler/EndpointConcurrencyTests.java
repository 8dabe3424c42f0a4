package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link EndpointConcurrency}: calls over the limit wait for a slot, but no more of them
 * than the limit, so that one host does not hold all the workers.
 */
class EndpointConcurrencyTests {

	/** Long enough that no wait in these tests ends by time. */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	@Test
	void turnsACallAwayAtOnceWhenAsManyCallsWaitAsTheLimitAllowsToRun() throws Exception {
		EndpointConcurrency concurrency = new EndpointConcurrency("http://billing.internal:80", new AimdLimit(1, 1, 4));
		EndpointConcurrency.Slot running = concurrency.acquire(MAX_WAIT);
		CompletableFuture<EndpointConcurrency.Slot> waiting = CompletableFuture.supplyAsync(() -> acquire(concurrency));
		await().atMost(Duration.ofSeconds(30)).until(() -> concurrency.waiting() == 1);

		assertThat(concurrency.acquire(MAX_WAIT)).isNull();

		assertThat(waiting).isNotDone();
		concurrency.release(running, EndpointOutcome.Signal.NONE);
		assertThat(waiting.get(1, TimeUnit.MINUTES)).isNotNull();
		assertThat(concurrency.running()).isOne();
	}

	private static EndpointConcurrency.Slot acquire(EndpointConcurrency concurrency) {
		try {
			return concurrency.acquire(MAX_WAIT);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
