package io.github.dispatchspring.model;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A transactional function on the in-memory store.
 */
@SpringBootTest(classes = TransactionalFunctionTests.LedgerApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.store=memory")
class MemoryStoreTransactionalFunctionTests extends TransactionalFunctionTests {

}
