package io.github.dispatchspring.cancel;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Cancelling calls on the in-memory store.
 */
@SpringBootTest(classes = CancellationTests.SleepersApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.store=memory")
class MemoryStoreCancellationTests extends CancellationTests {

}
