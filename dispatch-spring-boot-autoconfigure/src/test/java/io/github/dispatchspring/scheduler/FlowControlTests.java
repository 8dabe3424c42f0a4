package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlowControl}.
 */
class FlowControlTests {

	private static final FunctionPolicy.RateLimit TEN_A_SECOND = new FunctionPolicy.RateLimit(10, Duration.ofSeconds(1));

	@Test
	void hasNoStepsWithoutLimitsOrPrioritiesOfFunctions() {
		FlowControl flow = FlowControl.of(new FunctionPolicies(Map.of("slow", policy(0, null, 0)), policy(0, null, 0)));

		assertThat(flow.active()).isFalse();
		assertThat(flow.steps()).isEmpty();
	}

	@Test
	void leasesLimitedFunctionsOneByOneBeforeTheOthersOfTheirPriority() {
		FlowControl flow = FlowControl.of(new FunctionPolicies(Map.of("urgent", policy(0, null, 5), "charge",
				policy(3, null, 5), "mail", policy(0, TEN_A_SECOND, 0), "report", policy(0, null, -1)),
				policy(0, null, 0)));

		assertThat(flow.steps()).containsExactly(new FlowControl.Limited("charge", 3, null),
				new FlowControl.Functions(Set.of("urgent")), new FlowControl.Limited("mail", 0, TEN_A_SECOND),
				new FlowControl.Others(Set.of("urgent", "charge", "mail", "report")),
				new FlowControl.Functions(Set.of("report")));
	}

	@Test
	void allowsWhatTheTighterOfBothLimitsLeaves() {
		FlowControl.Limited limited = new FlowControl.Limited("charge", 3, TEN_A_SECOND);

		assertThat(limited.allowance(1, 0)).isEqualTo(2);
		assertThat(limited.allowance(0, 9)).isEqualTo(1);
		assertThat(limited.allowance(5, 0)).as("more running than the limit after it was lowered").isZero();
		assertThat(new FlowControl.Limited("mail", 0, null).allowance(1000, 1000)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void refusesALimitOfEveryFunction() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FlowControl.of(FunctionPolicies.of(policy(2, null, 0))))
			.withMessageContaining("dispatch.functions.<name>.concurrency");
	}

	@Test
	void refusesANegativeConcurrencyNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FlowControl.of(new FunctionPolicies(Map.of("charge", policy(-1, null, 0)), policy(0, null, 0))).steps())
			.withMessageContaining("dispatch.functions.charge.concurrency");
	}

	@Test
	void refusesARateLimitThatAllowsNoStartNamingTheProperty() {
		FunctionPolicy.RateLimit none = new FunctionPolicy.RateLimit(0, Duration.ofSeconds(1));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> FlowControl.of(new FunctionPolicies(Map.of("mail", policy(0, none, 0)), policy(0, null, 0))).steps())
			.withMessageContaining("dispatch.functions.mail.rate-limit.limit");
	}

	@Test
	void refusesARateLimitOverAnEmptyPeriod() {
		FunctionPolicy.RateLimit instant = new FunctionPolicy.RateLimit(5, Duration.ZERO);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> FlowControl.of(new FunctionPolicies(Map.of("mail", policy(0, instant, 0)), policy(0, null, 0))).steps())
			.withMessageContaining("period to at least 1ms");
	}

	@Test
	void drawsUpItsStepsFromPoliciesResolvedOnlyAfterTheStoreWasBuilt() {
		AtomicReference<Map<String, FunctionPolicy>> annotated = new AtomicReference<>(Map.of());
		FlowControl flow = FlowControl.of(new FunctionPolicies(annotated::get, policy(0, null, 0)));
		annotated.set(Map.of("charge", policy(3, null, 0)));
		assertThat(flow.steps()).first().isEqualTo(new FlowControl.Limited("charge", 3, null));
	}

	private static FunctionPolicy policy(int concurrency, FunctionPolicy.@Nullable RateLimit rateLimit, int priority) {
		return new FunctionPolicy(new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMinutes(1), 20),
				Duration.ofMinutes(4), null, concurrency, rateLimit, priority);
	}

}
