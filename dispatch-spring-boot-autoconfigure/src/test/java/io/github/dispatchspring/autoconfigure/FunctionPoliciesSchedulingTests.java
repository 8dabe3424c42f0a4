package io.github.dispatchspring.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.SchedulerEvents;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.testsupport.Invocations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The embedded scheduler runs each function's calls by the function's own policy: its attempts, the
 * errors it never retries, its run timeout and its expiration, and a call's own expiration over it;
 * and the application's exception mappers choose statuses.
 */
class FunctionPoliciesSchedulingTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	// Retries start after 10ms instead of 100ms and wait at most 200ms, so that a call retried a few
	// times, or until it expires, ends in a moment.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory", "dispatch.defaults.retry.initial-interval=10ms",
				"dispatch.defaults.retry.max-interval=200ms")
		.withBean(Invocations.class)
		.withBean(Attempts.class)
		.withBean(PolicyFunctions.class);

	@Test
	void endsACallAfterTheAttemptsOfItsFunction() {
		this.contextRunner.run((context) -> {
			CallStatus status = runToEnd(context, "twice");
			assertThat(status.outcome()).isEqualTo(DispatchStatus.TEMPORARY_ERROR);
			assertThat(context.getBean(Invocations.class).count("twice")).isEqualTo(2);
		});
	}

	@Test
	void retriesAFunctionWithoutSettingsByTheDefaults() {
		this.contextRunner.run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			assertThat(client.await(client.dispatch("recovering", "x"), String.class, WAIT)).isEqualTo("recovered");
			assertThat(context.getBean(Invocations.class).count("recovering")).isEqualTo(4);
		});
	}

	@Test
	void takesTheAttemptsOfThePropertiesOverThoseOfTheAnnotation() {
		this.contextRunner.withPropertyValues("dispatch.functions.twice.retry.max-attempts=3").run((context) -> {
			runToEnd(context, "twice");
			assertThat(context.getBean(Invocations.class).count("twice")).isEqualTo(3);
		});
	}

	@Test
	void neverRetriesTheExceptionsItsFunctionListsNorTheirSubclasses() {
		this.contextRunner.run((context) -> {
			CallStatus status = runToEnd(context, "declined");
			assertThat(status.outcome()).isEqualTo(DispatchStatus.TEMPORARY_ERROR);
			assertThat(status.lastErrorType()).isEqualTo(CardDeclinedException.class.getName());
			assertThat(context.getBean(Invocations.class).count("declined")).isEqualTo(1);
		});
	}

	@Test
	void neverRetriesTheStatusesItsFunctionLists() {
		this.contextRunner.withPropertyValues("dispatch.functions.recovering.retry.no-retry-statuses=TEMPORARY_ERROR")
			.run((context) -> {
				assertThat(runToEnd(context, "recovering").outcome()).isEqualTo(DispatchStatus.TEMPORARY_ERROR);
				assertThat(context.getBean(Invocations.class).count("recovering")).isEqualTo(1);
			});
	}

	@Test
	void interruptsARunPastItsTimeoutAndRetriesItAsTimedOut() {
		this.contextRunner.run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			assertThat(client.await(client.dispatch("sleepy", "x"), String.class, WAIT)).isEqualTo("awake on attempt 2");
			assertThat(context.getBean(Invocations.class).count("sleepy interrupted")).isEqualTo(1);
			assertThat(context.getBean(Attempts.class).of("sleepy")).containsExactly(DispatchStatus.TIMEOUT,
					DispatchStatus.OK);
		});
	}

	@Test
	void endsACallPastTheExpirationOfItsFunctionAndItsParentSeesIt() {
		this.contextRunner.run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			assertThat(client.await(client.dispatch("waitsForStuck", "x"), String.class, WAIT)).isEqualTo("TIMEOUT");
			assertThat(context.getBean(Invocations.class).count("stuck")).isGreaterThan(1);
		});
	}

	@Test
	void endsACallAtItsExpirationRatherThanABackoffLater() {
		this.contextRunner
			.withPropertyValues("dispatch.functions.patient.retry.initial-interval=10m",
					"dispatch.functions.patient.retry.max-interval=10m")
			.run((context) -> {
				CallStatus status = runToEnd(context, "patient");
				assertThat(status.outcome()).isEqualTo(DispatchStatus.TIMEOUT);
				assertThat(context.getBean(Invocations.class).count("patient")).isEqualTo(1);
			});
	}

	@Test
	void endsACallPastItsOwnExpirationOverThatOfItsFunction() {
		this.contextRunner.run((context) -> {
			DispatchClient client = context.getBean(DispatchClient.class);
			// A second: the call fails on every attempt, so only its expiration ends it.
			DispatchId id = client.dispatch("failing", "x", DispatchOptions.expiringAfter(Duration.ofSeconds(1)));
			await().atMost(WAIT).until(() -> client.status(id).state() == CallStatus.State.DONE);
			assertThat(client.status(id).outcome()).isEqualTo(DispatchStatus.TIMEOUT);
		});
	}

	@Test
	void endsACallWithTheStatusTheApplicationsMapperChooses() {
		this.contextRunner.withBean(DispatchExceptionMapper.class, () -> (exception) -> (exception instanceof CardDeclinedException)
				? Optional.of(DispatchStatus.PERMISSION_DENIED) : Optional.empty()).run((context) -> {
					DispatchClient client = context.getBean(DispatchClient.class);
					CallFailedException failure = catchThrowableOfType(CallFailedException.class,
							() -> client.gather("declined", List.of("x"), String.class));
					assertThat(failure.getCallStatus()).isEqualTo(DispatchStatus.PERMISSION_DENIED);
					assertThat(context.getBean(Invocations.class).count("declined")).isEqualTo(1);
				});
	}

	private static CallStatus runToEnd(ConfigurableApplicationContext context, String function) {
		DispatchClient client = context.getBean(DispatchClient.class);
		DispatchId id = client.dispatch(function, "x");
		await().atMost(WAIT).until(() -> client.status(id).state() == CallStatus.State.DONE);
		return client.status(id);
	}

	/** A payment the bank declined: an I/O failure, yet retrying does not help. */
	static class CardDeclinedException extends IOException {

		CardDeclinedException() {
			super("card declined");
		}

	}

	/** The statuses of the attempts of each function, in order. */
	static class Attempts implements SchedulerEvents {

		private final Map<String, List<DispatchStatus>> statuses = new ConcurrentHashMap<>();

		@Override
		public void attempted(ClaimedCall call, Instant startedAt, Duration took, DispatchStatus status) {
			this.statuses.computeIfAbsent(call.call().function(), (function) -> new CopyOnWriteArrayList<>()).add(status);
		}

		List<DispatchStatus> of(String function) {
			return this.statuses.getOrDefault(function, List.of());
		}

	}

	static class PolicyFunctions {

		private final Invocations invocations;

		private final DispatchClient client;

		PolicyFunctions(Invocations invocations, DispatchClient client) {
			this.invocations = invocations;
			this.client = client;
		}

		@DispatchFunction(maxAttempts = 2)
		public String twice(String input) throws IOException {
			this.invocations.record("twice");
			throw new IOException("the service is down");
		}

		@DispatchFunction
		public String recovering(String input) throws IOException {
			if (this.invocations.record("recovering") <= 3) {
				throw new IOException("the service is down");
			}
			return "recovered";
		}

		@DispatchFunction(noRetryFor = IOException.class)
		public String declined(String input) throws IOException {
			this.invocations.record("declined");
			throw new CardDeclinedException();
		}

		// A second: the first attempt sleeps for a minute unless interrupted, so the test takes a
		// second instead of the default four minutes.
		@DispatchFunction(timeout = "1s")
		public String sleepy(String input, DispatchCall call) throws InterruptedException {
			this.invocations.record("sleepy");
			if (call.attempt() == 1) {
				try {
					Thread.sleep(Duration.ofMinutes(1).toMillis());
				}
				catch (InterruptedException ex) {
					this.invocations.record("sleepy interrupted");
					throw ex;
				}
			}
			return "awake on attempt " + call.attempt();
		}

		// Two seconds: the call fails on every attempt, so only its expiration ends it.
		@DispatchFunction(expiration = "2s", maxAttempts = 0)
		public String stuck(String input) throws IOException {
			this.invocations.record("stuck");
			throw new IOException("still down");
		}

		// A second: its retry is due ten minutes after its first attempt, long after it expired.
		@DispatchFunction(expiration = "1s")
		public String patient(String input) throws IOException {
			this.invocations.record("patient");
			throw new IOException("down for a while");
		}

		@DispatchFunction
		public String waitsForStuck(String input) {
			try {
				return this.client.gather("stuck", List.of(input), String.class).get(0);
			}
			catch (CallFailedException ex) {
				return ex.getCallStatus().name();
			}
		}

		@DispatchFunction(maxAttempts = 0)
		public String failing(String input) throws IOException {
			throw new IOException("always down");
		}

	}

}
