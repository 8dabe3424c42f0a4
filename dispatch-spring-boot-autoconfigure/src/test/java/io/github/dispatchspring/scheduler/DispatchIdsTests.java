package io.github.dispatchspring.scheduler;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.Call;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DispatchIds}.
 */
class DispatchIdsTests {

	private static final String PARENT = DispatchIds.next();

	@Test
	void makesNewIdsOf32LowerCaseHexadecimalDigits() {
		assertThat(DispatchIds.next()).matches("[0-9a-f]{32}").isNotEqualTo(DispatchIds.next());
	}

	@Test
	void derivesTheSameIdForTheSameParentCorrelationFunctionAndInput() {
		assertThat(DispatchIds.derived(PARENT, call(7, "notify", "a"))).isEqualTo(DispatchIds.derived(PARENT,
				call(7, "notify", "a")));
	}

	@Test
	void derivesAnotherIdWhenAnythingIdentifyingTheCallDiffers() {
		String id = DispatchIds.derived(PARENT, call(7, "notify", "a"));

		assertThat(DispatchIds.derived(DispatchIds.next(), call(7, "notify", "a"))).isNotEqualTo(id);
		assertThat(DispatchIds.derived(PARENT, call(8, "notify", "a"))).isNotEqualTo(id);
		assertThat(DispatchIds.derived(PARENT, call(7, "email", "a"))).isNotEqualTo(id);
		assertThat(DispatchIds.derived(PARENT, call(7, "notify", "b"))).isNotEqualTo(id);
	}

	@Test
	void leavesTheEndpointOutOfADerivedIdAsItDiffersBetweenInstances() {
		Call call = call(7, "notify", "a");

		assertThat(DispatchIds.derived(PARENT, call.toBuilder().setEndpoint("http://instance-2:8080").build()))
			.isEqualTo(DispatchIds.derived(PARENT, call));
	}

	@Test
	void derivesIdsOfTheSameShapeStartingWithTheTimeOfTheParent() {
		assertThat(DispatchIds.derived(PARENT, call(7, "notify", "a"))).matches("[0-9a-f]{32}")
			.startsWith(PARENT.substring(0, 12));
	}

	@Test
	void derivesIdsOfTheSameShapeFromAParentIdOfAnotherScheduler() {
		assertThat(DispatchIds.derived("Parent-From-Elsewhere", call(7, "notify", "a"))).matches("[0-9a-f]{32}");
	}

	private static Call call(long correlationId, String function, String input) {
		return Call.newBuilder()
			.setCorrelationId(correlationId)
			.setFunction(function)
			.setInput(Any.pack(StringValue.of(input)))
			.build();
	}

}
