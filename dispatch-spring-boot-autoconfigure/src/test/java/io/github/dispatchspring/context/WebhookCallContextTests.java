package io.github.dispatchspring.context;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The call context of calls run through this application's webhook, signed, with the attempt in the
 * {@code Dispatch-Attempt} header.
 */
@SpringBootTest(classes = CallContextTests.CallContextApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.scheduler.embedded.directory=target/call-context-stores/${random.uuid}",
				"dispatch.scheduler.in-process=false" })
class WebhookCallContextTests extends CallContextTests {

}
