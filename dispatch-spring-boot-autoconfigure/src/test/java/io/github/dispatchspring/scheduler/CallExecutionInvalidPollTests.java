package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.google.protobuf.Any;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallExecution} when an endpoint answers a poll whose durations are out of range.
 */
class CallExecutionInvalidPollTests {

	private static final com.google.protobuf.Duration FOREVER = com.google.protobuf.Duration.newBuilder()
		.setSeconds(Long.MAX_VALUE)
		.build();

	private final Clock clock = Clock.systemUTC();

	private final InMemoryCallStore store = new InMemoryCallStore(this.clock);

	private final RetryPolicy retryPolicy = new RetryPolicy(Duration.ofMillis(10), 2, Duration.ofSeconds(1), 3);

	@Test
	void endsTheCallWhenThePollWaitsBeyondTheRangeOfDurations() {
		assertEndsWithInvalidResponse(Poll.newBuilder().setMaxWait(FOREVER).build(), "an invalid max_wait");
	}

	@Test
	void endsTheCallWhenAPolledCallExpiresBeyondTheRangeOfDurations() {
		Poll poll = Poll.newBuilder()
			.addCalls(Call.newBuilder().setFunction("child"))
			.addCalls(Call.newBuilder().setFunction("child").setExpiration(FOREVER))
			.build();
		assertEndsWithInvalidResponse(poll, "an invalid expiration in calls[1]");
	}

	private void assertEndsWithInvalidResponse(Poll poll, String problem) {
		this.store.add(List.of(new NewCall("parent", "parent", "http://localhost:1", Any.getDefaultInstance(), null,
				"parent", 0, false, this.clock.instant(), null)));
		ClaimedCall claimed = this.store.claim(1, Duration.ofMinutes(1)).get(0);
		CallExecution execution = new CallExecution(this.store,
				(endpoint, request) -> RunResponse.newBuilder().setPoll(poll).build(), this.retryPolicy, this.clock);
		assertThat(execution.execute(claimed)).isNotNull();
		CallResult result = this.store.results(List.of("parent")).get("parent");
		assertThat(result.getError().getType()).isEqualTo("InvalidResponse");
		assertThat(result.getError().getMessage()).isEqualTo("the endpoint answered a poll with " + problem);
	}

}
