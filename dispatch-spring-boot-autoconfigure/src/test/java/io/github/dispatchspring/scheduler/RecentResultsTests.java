package io.github.dispatchspring.scheduler;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentResults}.
 */
class RecentResultsTests {

	private static final CallResult RESULT = CallResult.newBuilder()
		.setOutput(Any.pack(StringValue.of("x".repeat(1000))))
		.build();

	@Test
	void findsTheResultsItKeeps() {
		RecentResults recent = new RecentResults(1 << 20);
		recent.keep(Map.of("a", RESULT, "b", RESULT));

		assertThat(recent.find(List.of("a", "b", "c"))).containsOnlyKeys("a", "b");
	}

	@Test
	void forgetsTheLeastRecentlyReadResultsBeyondItsBudget() {
		RecentResults recent = new RecentResults(2 * 1200);
		recent.keep(Map.of("a", RESULT));
		recent.keep(Map.of("b", RESULT));
		recent.find(List.of("a"));

		recent.keep(Map.of("c", RESULT));

		assertThat(recent.find(List.of("a", "b", "c"))).containsOnlyKeys("a", "c");
	}

	@Test
	void keepsNoErrorsAsACallThatFailedMayRunAgain() {
		RecentResults recent = new RecentResults(1 << 20);
		CallResult failed = CallResult.newBuilder().setError(Error.newBuilder().setType("Boom")).build();

		recent.keep(Map.of("a", RESULT, "b", failed));

		assertThat(recent.find(List.of("a", "b"))).containsOnlyKeys("a");
	}

}
