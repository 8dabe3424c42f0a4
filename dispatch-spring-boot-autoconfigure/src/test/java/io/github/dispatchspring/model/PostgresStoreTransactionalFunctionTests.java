package io.github.dispatchspring.model;

import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A transactional function on the PostgreSQL store.
 */
@SpringBootTest(classes = TransactionalFunctionTests.LedgerApplication.class, webEnvironment = WebEnvironment.NONE)
class PostgresStoreTransactionalFunctionTests extends TransactionalFunctionTests {

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.create().registerAsStore(registry);
	}

}
