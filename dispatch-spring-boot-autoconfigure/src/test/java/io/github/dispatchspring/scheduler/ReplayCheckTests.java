package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.durable.ReplayDivergence;
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
 * End-to-end tests of replays on the embedded scheduler and its default store: a run that asks for
 * other calls than the run before it ends its call at once, and a run that is tried again dispatches
 * nothing twice.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.scheduler.embedded.directory=target/replay-check-stores/${random.uuid}",
				"dispatch.defaults.retry.initial-interval=10ms", "dispatch.client.await-timeout=30s" })
class ReplayCheckTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	private DispatchClient client;

	@Autowired
	private Functions functions;

	@Test
	void endsACallWhoseReplayAsksForAnotherNumberOfCallsAtTheGatherItWasSuspendedAt() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.function("shrinking", String.class).call("s"))
			.withMessageContaining(ReplayDivergence.class.getName())
			.withMessageContaining("Function 'shrinking' does not replay as it ran before: step 1 was a gather of 3 "
					+ "calls to upper, this run asks for a gather of 2 calls to upper.");
		assertThat(invocations().count("shrinking:s")).as("runs, none of them a retry").isEqualTo(2);
	}

	@Test
	void endsACallWhoseReplayAsksForOtherCallsAtAGatherItGotPast() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.function("growingFirst", String.class).call("g"))
			.withMessageContaining("step 1 was a gather of 3 calls to upper, this run asks for a gather of 4 calls "
					+ "to upper.");
		assertThat(invocations().count("growingFirst:g")).isEqualTo(3);
	}

	@Test
	void endsACallWhoseReplayAsksForAnotherInputAtAGatherItGotPast() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.function("changingInput", String.class).call("c"))
			.withMessageContaining("step 1 was a gather of 3 calls to upper, this run asks for one with another "
					+ "input in calls[1].");
		assertThat(invocations().count("changingInput:c")).isEqualTo(3);
		assertThat(invocations().count("upper:c-changed")).as("calls of the diverging run").isZero();
	}

	@Test
	void endsACallWhoseReplayReturnsBeforeAGatherAnEarlierRunMade() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.function("returningEarly", String.class).call("r"))
			.withMessageContaining("step 2 was a gather of 1 call to lower, this run returned after step 1.");
	}

	@Test
	void dispatchesTheCallsOfABatchOnceWhenTheRunAfterItFailsAndIsTriedAgain() {
		String ids = this.client.function("batchThenFail", String.class).call("b");

		assertThat(invocations().count("batchThenFail:b")).as("attempts of the parent").isEqualTo(3);
		assertThat(this.functions.batchIdsSeen.get("b")).hasSize(3).containsOnly(ids);
		for (String id : ids.split(",")) {
			assertThat(this.client.await(new DispatchId(id), String.class, TIMEOUT)).startsWith("B-");
		}
		assertThat(invocations().count("upper:b-1")).isOne();
		assertThat(invocations().count("upper:b-2")).isOne();
	}

	@Test
	void findsTheCallsOfTheEarlierRunWhenACallRestartsFromItsInput() {
		String result = this.client.function("restarting", String.class).call("r");

		assertThat(result).isEqualTo("R-A,R-B");
		assertThat(invocations().count("restarting:r")).as("runs: suspended, restarted, ended").isEqualTo(3);
		assertThat(invocations().count("upper:r-a")).isOne();
		assertThat(invocations().count("upper:r-b")).isOne();
	}

	@Test
	void replaysManyGathersFromTheStoreInCallOrder() {
		List<?> results = this.client.function("gatherInALoop", List.class).call("l");

		assertThat(results).hasSize(20).first().isEqualTo(List.of("L-0-0", "L-0-1", "L-0-2"));
		assertThat(results.get(19)).isEqualTo(List.of("L-19-0", "L-19-1", "L-19-2"));
		assertThat(invocations().count("upper:l-7-1")).isOne();
	}

	private Invocations invocations() {
		return this.functions.invocations;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class ReplayTestApplication {

	}

	static class Functions {

		final Invocations invocations = new Invocations();

		final Map<String, List<String>> batchIdsSeen = new ConcurrentHashMap<>();

		private final DispatchClient client;

		Functions(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		String upper(String input) {
			this.invocations.record("upper:" + input);
			return input.toUpperCase(Locale.ROOT);
		}

		@DispatchFunction
		String lower(String input) {
			return input.toLowerCase(Locale.ROOT);
		}

		@DispatchFunction
		String shrinking(String id) {
			int run = this.invocations.record("shrinking:" + id);
			List<String> inputs = (run == 1) ? List.of(id + "-1", id + "-2", id + "-3") : List.of(id + "-1", id + "-2");
			return String.join(",", this.client.gather("upper", inputs, String.class));
		}

		@DispatchFunction
		String growingFirst(String id) {
			int run = this.invocations.record("growingFirst:" + id);
			List<String> inputs = new ArrayList<>(List.of(id + "-1", id + "-2", id + "-3"));
			if (run >= 3) {
				inputs.add(id + "-4");
			}
			this.client.gather("upper", inputs, String.class);
			return String.join(",", this.client.gather("lower", List.of(id + "-X"), String.class));
		}

		@DispatchFunction
		String changingInput(String id) {
			int run = this.invocations.record("changingInput:" + id);
			String second = (run >= 3) ? id + "-changed" : id + "-2";
			this.client.gather("upper", List.of(id + "-1", second, id + "-3"), String.class);
			return String.join(",", this.client.gather("lower", List.of(id + "-X"), String.class));
		}

		@DispatchFunction
		String returningEarly(String id) {
			int run = this.invocations.record("returningEarly:" + id);
			String first = this.client.gather("upper", List.of(id), String.class).get(0);
			if (run >= 3) {
				return first;
			}
			this.client.gather("lower", List.of(id + "-X"), String.class);
			return this.client.gather("lower", List.of(id + "-Y"), String.class).get(0);
		}

		@DispatchFunction
		String restarting(String id) {
			int run = this.invocations.record("restarting:" + id);
			List<String> results = this.client.gather("upper", List.of(id + "-a", id + "-b"), String.class);
			if (run == 2) {
				throw new DispatchException(DispatchStatus.INCOMPATIBLE_STATE, "run again from the input");
			}
			return String.join(",", results);
		}

		@DispatchFunction
		String batchThenFail(String id) {
			List<DispatchId> batched = this.client.batch().add("upper", id + "-1").add("upper", id + "-2").dispatch();
			String ids = String.join(",", batched.stream().map(DispatchId::value).toList());
			this.batchIdsSeen.computeIfAbsent(id, (ignored) -> new CopyOnWriteArrayList<>()).add(ids);
			int attempt = this.invocations.record("batchThenFail:" + id);
			if (attempt <= 2) {
				throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "attempt " + attempt + " failed");
			}
			return ids;
		}

		@DispatchFunction
		List<List<String>> gatherInALoop(String id) {
			List<List<String>> all = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				all.add(this.client.gather("upper", List.of(id + "-" + i + "-0", id + "-" + i + "-1", id + "-" + i + "-2"),
						String.class));
			}
			return all;
		}

	}

}
