package io.github.dispatchspring.scheduler.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallStoreContractTests;
import io.github.dispatchspring.scheduler.Durability;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on {@link JdbcCallStore} over SQLite, the embedded default, in a fresh directory
 * per test.
 */
class SqliteCallStoreTests extends CallStoreContractTests {

	@TempDir
	Path directory;

	@Override
	protected CallStore createStore(Clock clock) {
		EmbeddedDatabase database = EmbeddedDatabase.open(this.directory, Durability.SYNC, 4, Duration.ofSeconds(10));
		return new JdbcCallStore(database.dataSource(), "dispatch_", clock, Durability.SYNC, database);
	}

}
