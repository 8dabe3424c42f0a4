package io.github.dispatchspring.model;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A transactional function on the embedded store.
 */
@SpringBootTest(classes = TransactionalFunctionTests.LedgerApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.embedded.directory=target/transactional-function-stores/${random.uuid}")
class EmbeddedStoreTransactionalFunctionTests extends TransactionalFunctionTests {

}
