package io.github.dispatchspring.bench.dispatch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.autoconfigure.DispatchProperties;
import io.github.dispatchspring.bench.common.DurablePeer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * This project as a peer: an application with the benchmark's functions and the given settings. Its
 * durability is the store's {@code dispatch.scheduler.durability} as the application bound it,
 * followed by where the store keeps its calls (for PostgreSQL, the server's settings).
 */
final class DispatchPeer implements DurablePeer, AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private final String variant;

	private final ConfigurableApplicationContext context;

	private final DispatchClient client;

	private final String durability;

	DispatchPeer(String variant, Map<String, Object> properties, String storeDurability) {
		this.variant = variant;
		SpringApplication application = new SpringApplicationBuilder(BenchApplication.class).properties(properties)
			.build();
		this.context = application.run();
		this.client = this.context.getBean(DispatchClient.class);
		DispatchProperties.Scheduler scheduler = this.context.getBean(DispatchProperties.class).getScheduler();
		this.durability = "dispatch.scheduler.durability=" + scheduler.getDurability().name().toLowerCase(Locale.ROOT)
				+ "; " + storeDurability;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public String system() {
		return "dispatch";
	}

	@Override
	public String variant() {
		return this.variant;
	}

	@Override
	public String durability() {
		return this.durability;
	}

	@Override
	public int fanOut(int n) {
		return this.client.await(this.client.dispatch("benchFanOut", n), Integer.class, TIMEOUT);
	}

	@Override
	public String chain(String input, int length) {
		return this.client.await(this.client.dispatch("benchChain", new BenchFunctions.Chain(input, length)),
				String.class, TIMEOUT);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootApplication
	static class BenchApplication {

		@Bean
		BenchFunctions benchFunctions(DispatchClient client) {
			return new BenchFunctions(client);
		}

	}

}
