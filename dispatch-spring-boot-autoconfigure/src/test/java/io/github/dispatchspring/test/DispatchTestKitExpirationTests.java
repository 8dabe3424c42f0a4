package io.github.dispatchspring.test;

import java.time.Duration;
import java.time.Instant;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls expire on the test kit's virtual clock as they do on the real one: every call here expires
 * two hours after it is dispatched, and retries back off for an hour.
 */
@SpringBootTest(classes = KitApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.defaults.expiration=2h", "dispatch.defaults.retry.initial-interval=1h",
				"dispatch.defaults.retry.max-interval=1h" })
@AutoConfigureDispatchTestKit
class DispatchTestKitExpirationTests {

	@Autowired
	private DispatchTestKit kit;

	@Autowired
	private KitApplication.Functions functions;

	@AfterEach
	void forgetRuns() {
		this.functions.forget();
	}

	@Test
	void aCallThatKeepsFailingEndsWithTimeoutOnceItExpires() {
		this.kit.fail("greet");
		Instant start = this.kit.now();
		this.kit.dispatch("greet", "Ada");
		this.kit.runUntilIdle();
		RecordedCall call = this.kit.calls("greet").get(0);
		assertThat(call.outcome()).isEqualTo(DispatchStatus.TIMEOUT);
		assertThat(call.statuses()).hasSizeGreaterThan(1).endsWith(DispatchStatus.TIMEOUT);
		assertThat(this.kit.now()).isAfter(start.plus(Duration.ofHours(2)));
		assertThat(this.functions.runs("greet")).isEmpty();
	}

	@Test
	void aSleepLongerThanTheExpirationEndsWithTimeoutWhenTheCallExpires() {
		Instant start = this.kit.now();
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.kit.run("wakeUpTomorrow", null, String.class))
			.satisfies((ex) -> assertThat(ex.getCallStatus()).isEqualTo(DispatchStatus.TIMEOUT));
		assertThat(this.kit.now()).isBetween(start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3)));
		assertThat(this.functions.runs("wakeUpTomorrow")).hasSize(1);
	}

}
