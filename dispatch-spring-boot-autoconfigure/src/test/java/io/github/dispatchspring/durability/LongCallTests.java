package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.durability.fanout.FanOutApplication;
import io.github.dispatchspring.durability.fanout.Visits;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that runs three times as long as a lease keeps its lease and runs once. Without renewal it
 * never ended: each new lease on it made the run before it lose its result.
 */
class LongCallTests {

	@Test
	void runsOnceOnTheEmbeddedStore(@TempDir Path directory) {
		assertRunsOnce(List.of("dispatch.scheduler.embedded.directory=" + directory));
	}

	@Test
	void runsOnceOnPostgres() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		assertRunsOnce(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "dispatch.scheduler.store=jdbc"));
	}

	private static void assertRunsOnce(List<String> store) {
		// The lease is one second, not the default five minutes, so that a call of three seconds outlives
		// three leases and only renewal keeps it from running again: the behaviour under test.
		List<String> properties = Stream.concat(store.stream(), Stream.of("fanout.instance=solo", "fanout.work=3s",
				"dispatch.scheduler.lease-duration=1s")).toList();
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(FanOutApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run()) {
			JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
			Visits.createTable(jdbc);
			DispatchClient client = application.getBean(DispatchClient.class);
			DispatchId id = client.dispatch("visit", 7);
			client.await(id, Void.class, Duration.ofSeconds(30));
			assertThat(jdbc.queryForList("SELECT instance FROM visits WHERE item = 7", String.class))
				.containsExactly("solo");
		}
	}

}
