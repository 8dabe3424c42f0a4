package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Any;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallExecution} with an invoker that does not run a call its endpoint does not take
 * now: the call is handed back, due again when the invoker says, without an attempt counted or told.
 */
class CallDeferralTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final InMemoryCallStore store = new InMemoryCallStore(this.clock);

	private final List<DispatchStatus> attempts = new ArrayList<>();

	private final SchedulerEvents events = new SchedulerEvents() {

		@Override
		public void attempted(ClaimedCall call, Instant startedAt, Duration took, DispatchStatus status) {
			CallDeferralTests.this.attempts.add(status);
		}

		@Override
		public void retried(ClaimedCall call, DispatchStatus status) {
			CallDeferralTests.this.attempts.add(status);
		}

	};

	@Test
	void handsADeferredCallBackDueWhenTheInvokerSaysWithoutCountingTheAttempt() {
		Instant dueAt = this.clock.instant().plusSeconds(10);
		this.store.add(List.of(new NewCall("a", "greet", "http://billing.internal", Any.getDefaultInstance(), null, "a",
				0, false, this.clock.instant(), null)));

		CallResult result = execution((endpoint, request, attempt) -> {
			throw new CallDeferredException(dueAt, "the circuit breaker of calls to http://billing.internal:80 is OPEN");
		}).execute(claim(), TransitionWriter.Handoff.NONE);

		assertThat(result).isNull();
		assertThat(this.store.claim(1, Duration.ofMinutes(1))).isEmpty();
		assertThat(this.attempts).isEmpty();
		this.clock.advance(Duration.ofSeconds(10));
		ClaimedCall again = claim();
		assertThat(again.attempt()).isZero();
		RunResponse ok = RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setExit(Exit.newBuilder().setResult(CallResult.getDefaultInstance()))
			.build();
		assertThat(execution((endpoint, request, attempt) -> ok)
			.execute(again, TransitionWriter.Handoff.NONE)).isNotNull();
		assertThat(this.attempts).containsExactly(DispatchStatus.OK);
	}

	private ClaimedCall claim() {
		return this.store.claim(1, Duration.ofMinutes(1)).get(0);
	}

	private CallExecution execution(CallInvoker invoker) {
		return new CallExecution(new TransitionWriter(this.store), invoker,
				FunctionPolicies.of(
						FunctionPolicy.of(new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 20), Duration.ofMinutes(4))),
				new DispatchRequestLimits(3, 1024, new AllowedEndpoints(List.of(), Set::of)), new StoreOutage(),
				this.clock, this.events, CallTracing.NONE);
	}

}
