package io.github.dispatchspring.context;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The call context of calls run in-process, on the default embedded store.
 */
@SpringBootTest(classes = CallContextTests.CallContextApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.embedded.directory=target/call-context-stores/${random.uuid}")
class InProcessCallContextTests extends CallContextTests {

}
