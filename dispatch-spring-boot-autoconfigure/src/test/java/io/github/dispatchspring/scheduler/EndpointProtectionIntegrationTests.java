package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dispatchspring.testsupport.ProtocolEndpoint.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler of an application protects the endpoint of another service it sends calls to: it
 * sends no more calls at once than the endpoint serves, and holds calls back while the endpoint is
 * down, without using their attempts. The endpoint is a real HTTP server speaking the protocol bytes;
 * the scheduler runs with its default settings, on the heap store, since the store is not what these
 * tests are about (every store's deferral is covered by the store contract tests).
 */
class EndpointProtectionIntegrationTests {

	private static final int CALLS = 300;

	private static final int CAPACITY = 4;

	private static final int OUTAGE_CALLS = 20;

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	@Test
	void settlesOnTheConcurrencyAThrottlingEndpointServesAndCompletesEveryCall() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger throttled = new AtomicInteger();
		Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
		try (ProtocolEndpoint endpoint = ProtocolEndpoint.start((run) -> {
			try {
				if (inFlight.incrementAndGet() > CAPACITY) {
					throttled.incrementAndGet();
					return new Answer(429, "text/plain", new byte[0]);
				}
				sleep(Duration.ofMillis(50));
				served.computeIfAbsent(text(run), (input) -> new AtomicInteger()).incrementAndGet();
				return Answer.of(ok(run));
			}
			finally {
				inFlight.decrementAndGet();
			}
		}); ConfigurableApplicationContext scheduler = scheduler(endpoint)) {
			EndpointProtection protection = scheduler.getBean(EndpointProtection.class);
			List<int[]> samples = new CopyOnWriteArrayList<>();
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> protection.hosts()
				.forEach((host) -> samples.add(new int[] { host.concurrencyLimit(), host.runningCalls() })), 0, 100,
					TimeUnit.MILLISECONDS);
			List<String> inputs = IntStream.range(0, CALLS).mapToObj((i) -> "call-" + i).toList();

			List<String> results = scheduler.getBean(DispatchClient.class).gather("echo", inputs, String.class);

			sampler.shutdownNow();
			List<Integer> limits = samples.stream().map((sample) -> sample[0]).toList();
			System.out.println("Concurrency limit every 100 ms: " + limits);
			System.out.println("Calls running at the endpoint every 100 ms: "
					+ samples.stream().map((sample) -> sample[1]).toList());
			System.out.println("Answers 429: " + throttled.get() + " for " + CALLS + " calls");
			assertThat(results).isEqualTo(inputs.stream().map((input) -> "served " + input).toList());
			assertThat(served).hasSize(CALLS).allSatisfy((input, count) -> assertThat(count).hasValue(1));
			// A 429 needs more than 4 calls running at once, so a limit above 4. The limit starts at 64
			// and halves once per window of calls that ran together, each window turning away at most
			// the calls over 4 that it let through: 60 + 28 + 12 + 4 before it first comes down to 4.
			// From there it climbs above 4 again only after a window of at least 4 successes, and halves
			// at the first 429 of its window, which lets through one call more than the endpoint serves.
			assertThat(throttled.get()).isLessThanOrEqualTo((60 + 28 + 12 + 4) + CALLS / CAPACITY);
			// Once down to the endpoint's capacity, the limit climbs one step per window of successes
			// and halves again as soon as it lets through more calls than the endpoint serves: it never
			// goes far above the capacity, and while calls run it keeps at or below it most of the time.
			List<int[]> settled = samples.subList(firstAtMost(limits, CAPACITY), samples.size());
			assertThat(settled).allSatisfy((sample) -> assertThat(sample[0]).isLessThanOrEqualTo(2 * CAPACITY));
			assertThat(median(settled.stream().filter((sample) -> sample[1] > 0).map((sample) -> sample[0]).toList()))
				.isLessThanOrEqualTo(CAPACITY);
		}
	}

	@Test
	void holdsCallsBackWhileTheEndpointIsDownAndCompletesThemAllWhenItReturns() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		Map<String, AtomicInteger> duringOutage = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
		try (ProtocolEndpoint endpoint = ProtocolEndpoint.start((run) -> {
			if (down.get()) {
				duringOutage.computeIfAbsent(text(run), (input) -> new AtomicInteger()).incrementAndGet();
				return new Answer(503, "text/plain", new byte[0]);
			}
			served.computeIfAbsent(text(run), (input) -> new AtomicInteger()).incrementAndGet();
			return Answer.of(ok(run));
		}); ConfigurableApplicationContext scheduler = scheduler(endpoint)) {
			List<String> inputs = IntStream.range(0, OUTAGE_CALLS).mapToObj((i) -> "call-" + i).toList();
			ScheduledExecutorService recovery = Executors.newSingleThreadScheduledExecutor();
			recovery.schedule(() -> down.set(false), OUTAGE.toMillis(), TimeUnit.MILLISECONDS);

			List<String> results = scheduler.getBean(DispatchClient.class).gather("echo", inputs, String.class);

			recovery.shutdownNow();
			int attempts = duringOutage.values().stream().mapToInt(AtomicInteger::get).sum();
			System.out.println("Requests during the outage: " + attempts + " for " + OUTAGE_CALLS + " calls, per call: "
					+ duringOutage.values());
			assertThat(results).isEqualTo(inputs.stream().map((input) -> "served " + input).toList());
			assertThat(served).hasSize(OUTAGE_CALLS).allSatisfy((input, count) -> assertThat(count).hasValue(1));
			// The breaker opens on its 10th failure (minimum-number-of-calls), when at most the other
			// calls are on their way; then it lets one probe through after each wait of 10 s in the open
			// state, of which a 10 s outage sees at most 2.
			assertThat(attempts).isLessThanOrEqualTo(10 + OUTAGE_CALLS + 2);
			// Retries alone would have made about 7 attempts of every call in 10 s: 6 retries after a
			// backoff from 100 ms, doubling, of at most 9.45 s in all with the largest jitter.
			assertThat(duringOutage.values()).allSatisfy((count) -> assertThat(count.get()).isLessThanOrEqualTo(3));
		}
	}

	private static int firstAtMost(List<Integer> limits, int limit) {
		return IntStream.range(0, limits.size()).filter((i) -> limits.get(i) <= limit).findFirst().orElseThrow();
	}

	private static ConfigurableApplicationContext scheduler(ProtocolEndpoint endpoint) {
		return new SpringApplicationBuilder(SchedulerApplication.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"dispatch.scheduler.store=memory", "dispatch.endpoint-url=" + endpoint.url())
			.run();
	}

	private static RunResponse ok(RunRequest run) {
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder()
				.setResult(CallResult.newBuilder().setOutput(Any.pack(StringValue.of("served " + text(run))))))
			.build();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int median(List<Integer> values) {
		List<Integer> sorted = new ArrayList<>(values);
		sorted.sort(Integer::compare);
		return sorted.get(sorted.size() / 2);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SchedulerApplication {

	}

}
