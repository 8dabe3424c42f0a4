package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.testsupport.Invocations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End-to-end tests of the {@link EmbeddedScheduler} running functions through the
 * {@link DispatchClient}: fan-out, gather in call order, per-call retry and replay.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.defaults.retry.initial-interval=10ms", "dispatch.client.await-timeout=30s" })
class EmbeddedSchedulerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	private DispatchClient client;

	@Autowired
	private Functions functions;

	@Test
	void gathersResultsInCallOrderWhenCallsEndInReverseOrder() {
		List<Integer> inputs = IntStream.range(0, 10).boxed().toList();

		List<Integer> results = this.client.gather("slowEcho", inputs, Integer.class);

		assertThat(results).isEqualTo(inputs);
	}

	@Test
	void retriesOnlyTheFailingCallOfAGather() {
		List<String> results = this.client.gather("flaky", List.of("steady-1", "flaky-1", "steady-2"), String.class);

		assertThat(results).containsExactly("STEADY-1", "FLAKY-1", "STEADY-2");
		assertThat(invocations().count("flaky:flaky-1")).isEqualTo(3);
		assertThat(invocations().count("flaky:steady-1")).isEqualTo(1);
		assertThat(invocations().count("flaky:steady-2")).isEqualTo(1);
	}

	@Test
	void resumesAFunctionAfterEachGatherWithoutDispatchingEarlierGathersAgain() {
		List<?> result = this.client.function("parent", List.class).call("p");

		assertThat(result).isEqualTo(List.of("P-A1", "P-A2", "P-A3", "p-b1", "p-b2"));
		assertThat(invocations().count("parent:p")).isEqualTo(3);
		List.of("upper:p-a1", "upper:p-a2", "upper:p-a3", "lower:p-B1", "lower:p-B2")
			.forEach((child) -> assertThat(invocations().count(child)).as(child).isEqualTo(1));
	}

	@Test
	void dispatchesABatchInsideAFunctionOnceAcrossReplays() {
		String batchId = this.client.function("batchParent", String.class).call("b");

		assertThat(this.functions.batchIdsSeen.get("b")).hasSize(2).containsOnly(batchId);
		assertThat(this.client.await(new DispatchId(batchId), String.class, TIMEOUT)).isEqualTo("B-BATCHED");
		assertThat(invocations().count("upper:b-batched")).isEqualTo(1);
	}

	@Test
	void failsAGatherWithoutRetryingATerminalError() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.gather("reject", List.of("t1"), String.class))
			.withMessageContaining(IllegalArgumentException.class.getName())
			.withMessageContaining("cannot handle t1");
		assertThat(invocations().count("reject:t1")).isEqualTo(1);
	}

	@Test
	void awaitsTheResultOfADispatchedCall() {
		DispatchId id = this.client.dispatch("upper", "w1");

		assertThat(this.client.await(id, String.class, TIMEOUT)).isEqualTo("W1");
	}

	private Invocations invocations() {
		return this.functions.invocations;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class SchedulerTestApplication {

	}

	static class Functions {

		final Invocations invocations = new Invocations();

		final Map<String, List<String>> batchIdsSeen = new ConcurrentHashMap<>();

		private final DispatchClient client;

		Functions(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		int slowEcho(int index) throws InterruptedException {
			Thread.sleep((10 - index) * 20L);
			return index;
		}

		@DispatchFunction
		String flaky(String input) {
			int attempt = this.invocations.record("flaky:" + input);
			if (input.startsWith("flaky") && attempt <= 2) {
				throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "attempt " + attempt + " failed");
			}
			return upper(input);
		}

		@DispatchFunction
		String reject(String input) {
			this.invocations.record("reject:" + input);
			throw new IllegalArgumentException("cannot handle " + input);
		}

		@DispatchFunction
		String upper(String input) {
			this.invocations.record("upper:" + input);
			return input.toUpperCase(Locale.ROOT);
		}

		@DispatchFunction
		String lower(String input) {
			this.invocations.record("lower:" + input);
			return input.toLowerCase(Locale.ROOT);
		}

		@DispatchFunction
		List<String> parent(String id) {
			this.invocations.record("parent:" + id);
			List<String> first = this.client.gather("upper", List.of(id + "-a1", id + "-a2", id + "-a3"), String.class);
			List<String> second = this.client.gather("lower", List.of(id + "-B1", id + "-B2"), String.class);
			List<String> combined = new ArrayList<>(first);
			combined.addAll(second);
			return combined;
		}

		@DispatchFunction
		String batchParent(String id) {
			DispatchId batched = this.client.batch().add("upper", id + "-batched").dispatch().get(0);
			this.batchIdsSeen.computeIfAbsent(id, (ignored) -> new CopyOnWriteArrayList<>()).add(batched.value());
			this.client.gather("lower", List.of(id + "-gathered"), String.class);
			return batched.value();
		}

	}

}
