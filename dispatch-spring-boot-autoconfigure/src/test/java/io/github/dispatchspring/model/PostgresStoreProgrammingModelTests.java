package io.github.dispatchspring.model;

import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The programming model on the PostgreSQL store. The retry interval is short, as on the other
 * stores, so that the retried attempts of {@code flaky} do not wait for the default backoff.
 */
@SpringBootTest(classes = ProgrammingModelTests.ModelApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.defaults.retry.initial-interval=10ms")
class PostgresStoreProgrammingModelTests extends ProgrammingModelTests {

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.create().registerAsStore(registry);
	}

}
