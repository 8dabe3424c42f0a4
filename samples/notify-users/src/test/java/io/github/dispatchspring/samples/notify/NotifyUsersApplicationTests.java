package io.github.dispatchspring.samples.notify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "notify-users.exit-when-done=false",
				"dispatch.scheduler.embedded.directory=target/test-store/${random.uuid}" })
class NotifyUsersApplicationTests {

	@Autowired
	private Notifications notifications;

	@Autowired
	private UserDirectory users;

	@Test
	void notifiesEveryUserExactlyOnceAndRetriesOnlyTheFailedCall() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.delivered().size() == this.users.userIds().size());
		assertThat(this.notifications.delivered().values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(this.notifications.attempts().get(Notifications.FLAKY_USER)).hasValue(2);
		assertThat(this.notifications.attempts().entrySet())
			.filteredOn((entry) -> !entry.getKey().equals(Notifications.FLAKY_USER))
			.extracting((entry) -> entry.getValue().get())
			.containsOnly(1);
		assertThat(this.notifications.attempts().values().stream().mapToInt(AtomicInteger::get).sum())
			.isEqualTo(this.users.userIds().size() + 1);
	}

}
