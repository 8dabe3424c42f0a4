package io.github.dispatchspring.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The fuzz of {@link MalformedRequestFuzzTests} against an application with no keys at all: its
 * Dispatch API is closed and its webhook trusts only its own scheduler, so every request is refused
 * with a 4xx before it reaches a parser, while its own calls keep running. Fewer requests are sent,
 * as they all stop at the same checks.
 */
@SpringBootTest(classes = FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.max-request-size=64KB", "dispatch.api.max-input-size=4KB",
				"dispatch.api.max-calls-per-request=64", "dispatch.defaults.timeout=10s",
				"dispatch.defaults.retry.max-attempts=3", "dispatch.defaults.retry.initial-interval=10ms",
				"dispatch.defaults.retry.max-interval=50ms" })
class MalformedRequestWithoutKeysFuzzTests extends MalformedRequestFuzzTests {

	@Override
	boolean trustsTheFuzz() {
		return false;
	}

	@Override
	int requests() {
		return 4_000;
	}

}
