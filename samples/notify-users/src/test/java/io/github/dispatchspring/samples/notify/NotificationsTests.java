package io.github.dispatchspring.samples.notify;

import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.test.AutoConfigureDispatchTestKit;
import io.github.dispatchspring.test.DispatchTestKit;
import io.github.dispatchspring.test.RecordedCall;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications the application dispatches at startup, run by the test kit on its thread: every
 * user is notified once, and only the call whose mail relay failed is retried.
 */
@SpringBootTest(properties = "notify-users.exit-when-done=false")
@AutoConfigureDispatchTestKit
class NotificationsTests {

	@Autowired
	private DispatchTestKit kit;

	@Autowired
	private Notifications notifications;

	@Autowired
	private UserDirectory users;

	@Test
	void notifiesEveryUserOnceAndRetriesOnlyTheFailedCall() {
		assertThat(this.kit.calls("notifyUser")).as("dispatched at startup, not run yet")
			.hasSize(this.users.userIds().size())
			.extracting(RecordedCall::outcome)
			.containsOnlyNulls();

		this.kit.runUntilIdle();

		assertThat(this.notifications.delivered()).hasSize(this.users.userIds().size());
		assertThat(this.notifications.delivered().values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(this.kit.calls("notifyUser")).allSatisfy((call) -> assertThat(call.statuses())
			.isEqualTo(Notifications.FLAKY_USER.equals(call.input(String.class))
					? List.of(DispatchStatus.TEMPORARY_ERROR, DispatchStatus.OK)
					: List.of(DispatchStatus.OK)));
	}

}
