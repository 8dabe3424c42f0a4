package io.github.dispatchspring.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application sharing one PostgreSQL store dispatch with one idempotency key at
 * once, many times over: each time both get the id of one call, the store holds one call, and the
 * function runs once.
 */
class IdempotencyAcrossInstancesTests {

	private static final int ROUNDS = 20;

	private static final Map<String, Integer> runs = new ConcurrentHashMap<>();

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	@Test
	void twoInstancesDispatchingWithOneKeyGetOneCall() throws Exception {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			DispatchClient one = first.getBean(DispatchClient.class);
			DispatchClient other = second.getBean(DispatchClient.class);
			CyclicBarrier together = new CyclicBarrier(2);
			for (int round = 0; round < ROUNDS; round++) {
				String key = "payment-" + round;
				CompletableFuture<DispatchId> fromOne = CompletableFuture.supplyAsync(() -> dispatch(one, key, together));
				CompletableFuture<DispatchId> fromOther = CompletableFuture
					.supplyAsync(() -> dispatch(other, key, together));
				assertThat(fromOne.get(1, TimeUnit.MINUTES)).isEqualTo(fromOther.get(1, TimeUnit.MINUTES));
				assertThat(one.await(fromOne.get(), String.class, Duration.ofMinutes(1))).isEqualTo("charged " + key);
			}
			JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
			assertThat(jdbc.queryForList("SELECT idempotency_key FROM dispatch_calls WHERE function_name = 'charge'",
					String.class))
				.hasSize(ROUNDS)
				.doesNotHaveDuplicates();
			assertThat(runs).hasSize(ROUNDS).allSatisfy((key, count) -> assertThat(count).as("runs of " + key).isOne());
		}
	}

	private static DispatchId dispatch(DispatchClient client, String key, CyclicBarrier together) {
		try {
			together.await(1, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return client.dispatch("charge", key, DispatchOptions.idempotencyKey(key));
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PaymentsApplication.class).web(WebApplicationType.NONE)
			.run(this.database.storeArguments().toArray(String[]::new));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Payments.class)
	static class PaymentsApplication {

	}

	static class Payments {

		@DispatchFunction
		String charge(String key) {
			runs.merge(key, 1, Integer::sum);
			return "charged " + key;
		}

	}

}
