package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallExecution} when an endpoint answers a poll or a tail call that the Dispatch
 * API would refuse as a request.
 */
class CallExecutionInvalidPollTests {

	private static final com.google.protobuf.Duration FOREVER = com.google.protobuf.Duration.newBuilder()
		.setSeconds(Long.MAX_VALUE)
		.build();

	private final Clock clock = Clock.systemUTC();

	private final InMemoryCallStore store = new InMemoryCallStore(this.clock);

	private final FunctionPolicies policies = FunctionPolicies
		.of(FunctionPolicy.of(new RetryPolicy(Duration.ofMillis(10), 2, Duration.ofSeconds(1), 3), Duration.ofMinutes(1)));

	private final DispatchRequestLimits limits = new DispatchRequestLimits(3, 1024,
			new AllowedEndpoints(List.of(), () -> Set.of("http://localhost:1")));

	@Test
	void endsTheCallWhenThePollWaitsBeyondTheRangeOfDurations() {
		assertEndsWithInvalidResponse(Poll.newBuilder().setMaxWait(FOREVER).build(),
				"the endpoint answered a poll with an invalid max_wait");
	}

	@Test
	void endsTheCallWhenAPolledCallExpiresBeyondTheRangeOfDurations() {
		Poll poll = Poll.newBuilder().addCalls(child("child")).addCalls(child("child").setExpiration(FOREVER)).build();
		assertEndsWithInvalidResponse(poll, "the endpoint answered a poll whose calls[1].expiration is not a valid "
				+ "duration: at most 315576000000 seconds and 0 to 999999999 nanos; none of the poll's 2 calls was started");
	}

	@Test
	void endsTheCallWithoutStartingAnyOfThePollsCallsWhenOneHasAnInvalidFunctionName() {
		Poll poll = Poll.newBuilder()
			.addCalls(child("child"))
			.addCalls(child("child"))
			.addCalls(child("f".repeat(600)))
			.build();
		assertEndsWithInvalidResponse(poll, "the endpoint answered a poll whose calls[2].function '" + "f".repeat(64)
				+ "...' (600 characters) is not a valid function name: a name starts with a letter or '_', goes on with "
				+ "letters, digits, '_', '<', '>' or '.', and has at most 512 characters; none of the poll's 3 calls was "
				+ "started");
		assertThat(this.store.claim(10, Duration.ofMinutes(1))).isEmpty();
	}

	@Test
	void endsTheCallWhenAPolledCallHasAnInvalidEndpoint() {
		Poll poll = Poll.newBuilder().addCalls(child("child").setEndpoint("ftp://example.com")).build();
		assertEndsWithInvalidResponse(poll, "the endpoint answered a poll whose calls[0].endpoint 'ftp://example.com' "
				+ "must start with http://, https://, bridge:// or arn:aws:lambda; none of the poll's 1 calls was started");
	}

	@Test
	void endsTheCallWithoutStartingAPolledCallToAnEndpointOutsideTheAllowList() {
		Poll poll = Poll.newBuilder().addCalls(child("child").setEndpoint("http://169.254.169.254")).build();
		assertEndsWithInvalidResponse(poll, "the endpoint answered a poll whose calls[0].endpoint "
				+ "'http://169.254.169.254' is not allowed: calls go only to this application's instances and to the "
				+ "URL prefixes listed in dispatch.scheduler.allowed-endpoints; none of the poll's 1 calls was started");
		assertThat(this.store.claim(10, Duration.ofMinutes(1))).isEmpty();
	}

	@Test
	void endsTheCallWhenAPolledCallHasAnInputLargerThanTheApiAccepts() {
		Poll poll = Poll.newBuilder()
			.addCalls(child("child").setInput(Any.pack(BytesValue.of(ByteString.copyFrom(new byte[2048])))))
			.build();
		CallResult result = endWith(RunResponse.newBuilder().setPoll(poll).build());
		assertThat(result.getError().getMessage()).startsWith("the endpoint answered a poll whose calls[0].input is ")
			.contains("more than the limit of 1024 bytes (dispatch.api.max-input-size)");
	}

	@Test
	void startsAPollsCallsBeyondTheNumberOfCallsOfARequestAndWithoutAnEndpointOfTheirOwn() {
		Poll.Builder poll = Poll.newBuilder().setMinResults(1).setMaxResults(1);
		for (int i = 0; i < 5; i++) {
			poll.addCalls(child("child"));
		}
		execute(RunResponse.newBuilder().setPoll(poll).build());

		List<ClaimedCall> children = this.store.claim(10, Duration.ofMinutes(1));
		assertThat(children).hasSize(5)
			.allSatisfy((child) -> assertThat(child.call().endpoint()).isEqualTo("http://localhost:1"));
	}

	@Test
	void endsTheCallWhenItsTailCallHasAnInvalidFunctionName() {
		RunResponse tailCall = RunResponse.newBuilder()
			.setExit(Exit.newBuilder().setTailCall(child("9lives")))
			.build();
		assertThat(endWith(tailCall).getError().getMessage())
			.startsWith("the endpoint answered a tail call whose function '9lives' is not a valid function name");
	}

	private static Call.Builder child(String function) {
		return Call.newBuilder().setFunction(function);
	}

	private void assertEndsWithInvalidResponse(Poll poll, String message) {
		CallResult result = endWith(RunResponse.newBuilder().setPoll(poll).build());
		assertThat(result.getError().getMessage()).isEqualTo(message);
	}

	private CallResult endWith(RunResponse response) {
		assertThat(execute(response)).isNotNull();
		CallResult result = this.store.results(List.of("parent")).get("parent");
		assertThat(result.getError().getType()).isEqualTo("InvalidResponse");
		return result;
	}

	private @org.jspecify.annotations.Nullable CallResult execute(RunResponse response) {
		this.store.add(List.of(new NewCall("parent", "parent", "http://localhost:1", Any.getDefaultInstance(), null,
				"parent", 0, false, this.clock.instant(), null)));
		ClaimedCall claimed = this.store.claim(1, Duration.ofMinutes(1)).get(0);
		CallExecution execution = new CallExecution(new TransitionWriter(this.store), (endpoint, request, attempt) -> response,
				this.policies, this.limits, new StoreOutage(), this.clock);
		return execution.execute(claimed, TransitionWriter.Handoff.NONE);
	}

}
