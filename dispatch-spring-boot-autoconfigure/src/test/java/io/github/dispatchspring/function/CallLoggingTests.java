package io.github.dispatchspring.function;

import io.github.dispatchspring.durable.RunningCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids of the call a function runs for are in the MDC while it runs, and what was there before
 * comes back after.
 */
class CallLoggingTests {

	private final RunningCall call = new RunningCall("sendReceipt", "call-1", "root-1", "root-1", 1);

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void putsTheIdsOfTheCallInTheMdc() {
		try (CallLogging logging = CallLogging.open(this.call)) {
			assertThat(MDC.getCopyOfContextMap()).containsEntry("dispatch.id", "call-1")
				.containsEntry("dispatch.root_id", "root-1")
				.containsEntry("dispatch.function", "sendReceipt");
		}
	}

	@Test
	void removesTheIdsOnceTheFunctionReturns() {
		CallLogging.open(this.call).close();

		assertThat(MDC.get("dispatch.id")).isNull();
		assertThat(MDC.get("dispatch.root_id")).isNull();
		assertThat(MDC.get("dispatch.function")).isNull();
	}

	@Test
	void putsBackTheIdsOfTheCallItRanIn() {
		MDC.put("dispatch.id", "outer");
		MDC.put("request", "kept");

		CallLogging.open(this.call).close();

		assertThat(MDC.get("dispatch.id")).isEqualTo("outer");
		assertThat(MDC.get("request")).isEqualTo("kept");
	}

}
