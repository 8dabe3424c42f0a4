package io.github.dispatchspring.scheduler.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.dispatchspring.scheduler.CallQueriesContractTests;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.Durability;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries and actions of {@link JdbcCallStore} over SQLite, in a fresh directory per test.
 */
class SqliteCallQueriesTests extends CallQueriesContractTests {

	@TempDir
	Path directory;

	@AutoClose
	private EmbeddedDatabase database;

	@Override
	protected CallStore createStore(Clock clock) {
		this.database = EmbeddedDatabase.open(this.directory, Durability.SYNC, 4, Duration.ofSeconds(10));
		return MigratedStores.store(this.database.dataSource(), "dispatch_", clock);
	}

}
