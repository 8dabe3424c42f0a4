package io.github.dispatchspring.observability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace and logging context of calls run through this application's webhook, over HTTP: the
 * scheduler sends each call's trace as W3C {@code traceparent}.
 */
@SpringBootTest(classes = CallTraceTests.TracedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "dispatch.scheduler.in-process=false")
class WebhookCallTraceTests extends CallTraceTests {

	@Autowired
	ReceivedTraceparents received;

	@Test
	void sendsTheTraceOfEachCallInTheTraceparentHeader() {
		this.received.values.clear();
		Traced dispatched = dispatchInAJob("headers");

		this.client.await(dispatched.id(), String.class, Duration.ofMinutes(1));

		assertThat(this.received.values).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((traceparent) -> assertThat(traceparent).startsWith("00-" + dispatched.traceId() + "-"));
	}

}
