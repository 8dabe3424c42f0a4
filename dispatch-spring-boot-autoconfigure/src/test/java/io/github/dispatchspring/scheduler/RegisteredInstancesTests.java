package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.jdbc.MigratedStores;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RegisteredInstances}: the endpoints of this application's instances, as the
 * heartbeats found them in the store.
 */
class RegisteredInstancesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void knowsTheEndpointsOfTheInstancesOfThisApplicationSharingAPostgresStore() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		RegisteredInstances first = instances("invoices", "http://10.0.0.1:8080");
		RegisteredInstances second = instances("invoices", "http://10.0.0.2:8080");
		RegisteredInstances billing = instances("billing", "http://10.0.0.3:8080");
		beat(second, store(database));
		beat(billing, store(database));

		beat(first, store(database));

		assertThat(first.endpoints()).containsExactlyInAnyOrder("http://10.0.0.1:8080", "http://10.0.0.2:8080");
	}

	@Test
	void readsTheStoreAgainWhenRefreshedForAnInstanceThatStartedSinceTheLastHeartbeat() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		JdbcCallStore store = store(database);
		RegisteredInstances first = instances("invoices", "http://10.0.0.1:8080", store);
		beat(first, store);
		beat(instances("invoices", "http://10.0.0.2:8080", store), store(database));

		assertThat(first.endpoints()).containsExactly("http://10.0.0.1:8080");
		assertThat(first.refreshed()).containsExactlyInAnyOrder("http://10.0.0.1:8080", "http://10.0.0.2:8080");
		assertThat(first.endpoints()).containsExactlyInAnyOrder("http://10.0.0.1:8080", "http://10.0.0.2:8080");
	}

	@Test
	void countsThisInstanceBeforeItsFirstHeartbeat() {
		assertThat(instances("invoices", "http://10.0.0.1:8080").endpoints()).containsExactly("http://10.0.0.1:8080");
	}

	@Test
	void countsOnlyThisInstanceOnAStoreInTheHeap() {
		RegisteredInstances instances = instances("invoices", "http://10.0.0.1:8080");

		beat(instances, new InMemoryCallStore(Clock.systemUTC()));

		assertThat(instances.endpoints()).containsExactly("http://10.0.0.1:8080");
	}

	@Test
	void followsThisInstancesEndpointOnceItsWebServerStarted() {
		LocalEndpoint endpoint = new LocalEndpoint(null, "localhost", 8080);
		RegisteredInstances instances = new RegisteredInstances("invoices", endpoint, Set::of, List::of,
				Clock.systemUTC());

		endpoint.serverStarted(43210);

		assertThat(instances.endpoints()).containsExactly("http://localhost:43210");
	}

	private static RegisteredInstances instances(String application, String endpoint) {
		return instances(application, endpoint, new InMemoryCallStore(Clock.systemUTC()));
	}

	private static RegisteredInstances instances(String application, String endpoint, CallStore store) {
		return new RegisteredInstances(application, () -> endpoint, () -> Set.of("generateInvoice"), store::instances,
				Clock.systemUTC());
	}

	private static void beat(RegisteredInstances instances, CallStore store) {
		instances.heard(store.heartbeat(instances.self(), TIMEOUT));
	}

	private static JdbcCallStore store(PostgresTestDatabase database) {
		return MigratedStores.store(database.dataSource(), "dispatch_", Clock.systemUTC());
	}

}
