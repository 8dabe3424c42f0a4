package io.github.dispatchspring.scheduler.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.CallStoreContractTests;
import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.FlowControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on {@link JdbcCallStore} over SQLite, the embedded default, in a fresh directory
 * per store.
 */
class SqliteCallStoreTests extends CallStoreContractTests {

	@TempDir
	Path directory;

	private final List<EmbeddedDatabase> databases = new ArrayList<>();

	@Override
	protected CallStore createStore(Clock clock, FlowControl flow) {
		EmbeddedDatabase database = EmbeddedDatabase.open(this.directory.resolve("store-" + this.databases.size()),
				Durability.SYNC, 4, Duration.ofSeconds(10));
		this.databases.add(database);
		return MigratedStores.store(database.dataSource(), "dispatch_", clock, Durability.SYNC, flow);
	}

	@AfterEach
	void closeDatabases() {
		this.databases.forEach(EmbeddedDatabase::close);
	}

}
