package io.github.dispatchspring.context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A function knows the call it runs for, through a {@link DispatchCall} parameter or
 * {@link DispatchClient#currentCall()}: the same ids on every attempt and every replay, the attempt
 * growing with each retry. The subclasses run the calls in-process and through the webhook.
 */
abstract class CallContextTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	private DispatchClient client;

	@Autowired
	private Functions functions;

	@Test
	void seesTheSameIdOnEveryAttemptAndTheAttemptGrowing() {
		DispatchId id = this.client.dispatch("flaky", "receipt-1");
		assertThat(this.client.await(id, String.class, TIMEOUT)).isEqualTo("sent once as " + id);
		List<DispatchCall> seen = this.functions.seen("flaky");
		assertThat(seen).extracting(DispatchCall::attempt).containsExactly(1, 2, 3);
		assertThat(seen).allSatisfy((call) -> {
			assertThat(call.id()).isEqualTo(id);
			assertThat(call.rootId()).isEqualTo(id);
			assertThat(call.parentId()).isNull();
			assertThat(call.function()).isEqualTo("flaky");
		});
	}

	@Test
	void seesTheSameIdOnEveryReplayAndGivesChildrenTheirParentAndRoot() {
		DispatchId id = this.client.dispatch("parent", "p");
		assertThat(this.client.await(id, String.class, TIMEOUT)).isEqualTo("2 children");
		assertThat(this.functions.seen("parent")).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((call) -> assertThat(call.id()).isEqualTo(id));
		assertThat(this.functions.seen("child")).hasSize(2).allSatisfy((call) -> {
			assertThat(call.parentId()).isEqualTo(id);
			assertThat(call.rootId()).isEqualTo(id);
			assertThat(call.id()).isNotEqualTo(id);
			assertThat(call.attempt()).isEqualTo(1);
		});
	}

	@Test
	void refusesCurrentCallOutsideAFunction() {
		assertThatIllegalStateException().isThrownBy(this.client::currentCall)
			.withMessageContaining("only known inside a @DispatchFunction");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class CallContextApplication {

	}

	static class Functions {

		private final Map<String, List<DispatchCall>> seen = new ConcurrentHashMap<>();

		private final DispatchClient client;

		Functions(DispatchClient client) {
			this.client = client;
		}

		List<DispatchCall> seen(String function) {
			return this.seen.getOrDefault(function, List.of());
		}

		private void record(DispatchCall call) {
			this.seen.computeIfAbsent(call.function(), (name) -> new CopyOnWriteArrayList<>()).add(call);
		}

		@DispatchFunction
		public String flaky(String receipt, DispatchCall call) {
			record(call);
			if (call.attempt() < 3) {
				throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "the mail server is busy");
			}
			return "sent once as " + call.id();
		}

		@DispatchFunction
		public String parent(DispatchCall call, String input) {
			record(call);
			List<String> children = this.client.gather("child", List.of(input + "-1", input + "-2"), String.class);
			return children.size() + " children";
		}

		@DispatchFunction
		public String child(String input) {
			record(this.client.currentCall());
			return input;
		}

	}

}
