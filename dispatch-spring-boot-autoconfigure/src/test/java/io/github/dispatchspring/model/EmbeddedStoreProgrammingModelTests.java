package io.github.dispatchspring.model;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The programming model on the embedded store.
 */
@SpringBootTest(classes = ProgrammingModelTests.ModelApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "dispatch.scheduler.embedded.directory=target/programming-model-stores/${random.uuid}",
			"dispatch.defaults.retry.initial-interval=10ms" })
class EmbeddedStoreProgrammingModelTests extends ProgrammingModelTests {

}
