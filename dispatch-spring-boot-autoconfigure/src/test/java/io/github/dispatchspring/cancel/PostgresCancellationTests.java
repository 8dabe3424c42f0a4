package io.github.dispatchspring.cancel;

import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cancelling calls on a PostgreSQL store.
 */
@SpringBootTest(classes = CancellationTests.SleepersApplication.class, webEnvironment = WebEnvironment.NONE)
class PostgresCancellationTests extends CancellationTests {

	private static final PostgresTestDatabase database = PostgresTestDatabase.create();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("dispatch.scheduler.store", () -> "jdbc");
		registry.add("dispatch.scheduler.jdbc.url", database::jdbcUrl);
		registry.add("dispatch.scheduler.jdbc.username", database::username);
		registry.add("dispatch.scheduler.jdbc.password", database::password);
	}

}
