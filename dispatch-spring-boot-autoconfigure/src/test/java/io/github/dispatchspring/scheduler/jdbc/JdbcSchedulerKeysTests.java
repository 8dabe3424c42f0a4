package io.github.dispatchspring.scheduler.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the scheduler's key pair kept in the store: every store on one database, each standing
 * for an instance, loads the same pair, including instances racing to create it.
 */
class JdbcSchedulerKeysTests {

	@Test
	void instancesSharingAPostgresDatabaseUseOnePair() throws Exception {
		assertOnePairFor(PostgresTestDatabase.create().dataSource());
	}

	@Test
	void storesSharingAnEmbeddedDatabaseUseOnePair(@TempDir Path directory) throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(directory, Durability.SYNC, 4, Duration.ofSeconds(10))) {
			assertOnePairFor(database.dataSource());
		}
	}

	@Test
	void keepsThePairAcrossRestarts() {
		DataSource dataSource = PostgresTestDatabase.create().dataSource();
		SigningKeyPair first = store(dataSource).schedulerKeys().loadOrCreate();

		SigningKeyPair afterRestart = store(dataSource).schedulerKeys().loadOrCreate();

		assertThat(afterRestart.signingKeyBase64()).isEqualTo(first.signingKeyBase64());
		assertThat(afterRestart.verificationKeyBase64()).isEqualTo(first.verificationKeyBase64());
	}

	@Test
	void storesWithAnotherPrefixHaveAnotherPair() {
		DataSource dataSource = PostgresTestDatabase.create().dataSource();

		SigningKeyPair one = store(dataSource).schedulerKeys().loadOrCreate();
		SigningKeyPair other = MigratedStores.store(dataSource, "other_", Clock.systemUTC()).schedulerKeys()
			.loadOrCreate();

		assertThat(other.verificationKeyBase64()).isNotEqualTo(one.verificationKeyBase64());
	}

	private static void assertOnePairFor(DataSource dataSource) throws Exception {
		int instances = 8;
		List<JdbcCallStore> stores = IntStream.range(0, instances).mapToObj((i) -> store(dataSource)).toList();
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			List<Callable<String>> loads = stores.stream()
				.<Callable<String>>map((store) -> () -> store.schedulerKeys().loadOrCreate().verificationKeyBase64())
				.toList();
			List<String> keys = executor.invokeAll(loads).stream().map(JdbcSchedulerKeysTests::get).toList();

			assertThat(keys).hasSize(instances).containsOnly(keys.get(0));
			assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM dispatch_keys", Integer.class))
				.isOne();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static JdbcCallStore store(DataSource dataSource) {
		return MigratedStores.store(dataSource, "dispatch_", Clock.systemUTC());
	}

	private static String get(Future<String> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
