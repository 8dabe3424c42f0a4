package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import io.github.dispatchspring.scheduler.NewCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances sharing a PostgreSQL store wake each other when calls are added, whatever the case of
 * the table prefix: {@code LISTEN} and {@code pg_notify} name the same channel.
 */
class PostgresWakeUpTests {

	@ParameterizedTest
	@ValueSource(strings = { "dispatch_", "Dispatch_Calls_" })
	void wakesAnotherInstanceWhenACallIsAdded(String prefix) throws Exception {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		JdbcCallStore listening = MigratedStores.store(database.dataSource(), prefix, Clock.systemUTC());
		JdbcCallStore adding = MigratedStores.store(database.dataSource(), prefix, Clock.systemUTC());
		Semaphore wakeUps = new Semaphore(0);
		try (AutoCloseable subscription = listening.subscribe(wakeUps::release)) {
			assertThat(wakeUps.tryAcquire(30, TimeUnit.SECONDS)).as("woken once listening").isTrue();
			adding.add(List.of(new NewCall("call", "f", "", Any.getDefaultInstance(), null, "call", 0, false,
					Instant.now(), null)));
			assertThat(wakeUps.tryAcquire(30, TimeUnit.SECONDS)).as("woken by the added call").isTrue();
		}
	}

}
