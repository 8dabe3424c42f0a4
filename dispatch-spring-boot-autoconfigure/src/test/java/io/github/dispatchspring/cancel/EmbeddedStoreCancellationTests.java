package io.github.dispatchspring.cancel;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Cancelling calls on the embedded store.
 */
@SpringBootTest(classes = CancellationTests.SleepersApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.embedded.directory=target/cancellation-stores/${random.uuid}")
class EmbeddedStoreCancellationTests extends CancellationTests {

}
