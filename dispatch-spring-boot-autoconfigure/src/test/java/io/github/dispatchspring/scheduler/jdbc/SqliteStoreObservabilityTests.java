package io.github.dispatchspring.scheduler.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.StoreObservabilityContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link JdbcCallStore} over SQLite keeps and {@link JdbcStoreStatistics} tells of it.
 */
class SqliteStoreObservabilityTests extends StoreObservabilityContractTests {

	@TempDir
	Path directory;

	private EmbeddedDatabase database;

	@Override
	protected Observed createStore(Clock clock, FlowControl flow) {
		this.database = EmbeddedDatabase.open(this.directory, Durability.SYNC, 4, Duration.ofSeconds(10));
		return new Observed(MigratedStores.store(this.database.dataSource(), "dispatch_", clock, flow),
				new JdbcStoreStatistics(this.database.dataSource(), "dispatch_"));
	}

	@AfterEach
	void closeDatabase() {
		this.database.close();
	}

}
