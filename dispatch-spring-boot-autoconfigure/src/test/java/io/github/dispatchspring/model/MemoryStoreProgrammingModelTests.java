package io.github.dispatchspring.model;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The programming model on the in-memory store.
 */
@SpringBootTest(classes = ProgrammingModelTests.ModelApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.scheduler.store=memory", "dispatch.defaults.retry.initial-interval=10ms" })
class MemoryStoreProgrammingModelTests extends ProgrammingModelTests {

}
