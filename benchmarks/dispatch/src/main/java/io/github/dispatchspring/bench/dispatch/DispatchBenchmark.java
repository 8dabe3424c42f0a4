package io.github.dispatchspring.bench.dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.bench.common.EmbeddedPostgres;
import io.github.dispatchspring.bench.common.PeerLauncher;
import io.github.dispatchspring.bench.common.PostgresConnection;
import io.github.dispatchspring.bench.common.StatisticsFlush;
import io.github.dispatchspring.bench.common.TransactionMeter;
import io.github.dispatchspring.bench.common.WorkloadParameters;
import io.github.dispatchspring.bench.common.WorkloadSuite;
import io.github.dispatchspring.bench.common.XactCounter;

/**
 * Runs the workloads on this project: the embedded store and PostgreSQL, each with calls run
 * in-process and over HTTP through the webhook, and prints one RESULT line per measured run. For a
 * profile of one variant, {@code -Dbench.dispatch.stores=embedded} (or {@code postgres}, {@code memory})
 * and {@code -Dbench.dispatch.invocations=in-process} (or {@code http}) pick it.
 */
public final class DispatchBenchmark {

	private static final String IN_PROCESS = "in-process";

	private static final String HTTP = "http";

	/**
	 * The application's own DataSource, which the PostgreSQL variants give the store; the other
	 * stores need none, and without a URL Boot would look for an embedded database.
	 */
	private static final String DATA_SOURCE_AUTO_CONFIGURATION =
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	private DispatchBenchmark() {
	}

	public static void main(String[] args) {
		PeerLauncher.runAndExit("dispatch", DispatchBenchmark::run);
	}

	private static void run() throws Exception {
		WorkloadParameters parameters = WorkloadParameters.fromSystemProperties();
		List<String> stores = List.of(System.getProperty("bench.dispatch.stores", "embedded,postgres").split(","));
		List<String> invocations = List
			.of(System.getProperty("bench.dispatch.invocations", IN_PROCESS + "," + HTTP).split(","));
		for (String store : stores) {
			for (String invocation : invocations) {
				boolean inProcess = invocation.equals(IN_PROCESS);
				if (!inProcess && !invocation.equals(HTTP)) {
					throw new IllegalArgumentException("bench.dispatch.invocations lists '" + invocation
							+ "': expected " + IN_PROCESS + " or " + HTTP);
				}
				String variant = store + "/" + invocation;
				if (store.equals("memory")) {
					Map<String, Object> properties = common(parameters, inProcess);
					properties.put("dispatch.scheduler.store", "memory");
					properties.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
					try (DispatchPeer peer = new DispatchPeer(variant, properties, "the heap, lost on exit")) {
						new WorkloadSuite(parameters, TransactionMeter.NONE, System.out).run(peer);
					}
				}
				else if (store.equals("embedded")) {
					runEmbedded(parameters, variant, inProcess);
				}
				else {
					runPostgres(parameters, variant, inProcess);
				}
			}
		}
	}

	private static void runEmbedded(WorkloadParameters parameters, String variant, boolean inProcess) throws Exception {
		Path directory = Files.createTempDirectory("dispatch-bench");
		Map<String, Object> properties = common(parameters, inProcess);
		properties.put("dispatch.scheduler.store", "embedded");
		properties.put("dispatch.scheduler.embedded.directory", directory.toString());
		properties.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
		try (DispatchPeer peer = new DispatchPeer(variant, properties, "SQLite write-ahead log")) {
			new WorkloadSuite(parameters, TransactionMeter.NONE, System.out).run(peer);
		}
		finally {
			deleteRecursively(directory);
		}
	}

	private static void runPostgres(WorkloadParameters parameters, String variant, boolean inProcess) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.startOrConnect()) {
			PostgresConnection database = postgres.database("dispatch_bench");
			Map<String, Object> properties = common(parameters, inProcess);
			properties.put("dispatch.scheduler.store", "jdbc");
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", database.user());
			properties.put("spring.datasource.password", database.password());
			properties.put("spring.datasource.hikari.maximum-pool-size", "16");
			String serverDurability = postgres.durability(database).describe();
			try (DispatchPeer peer = new DispatchPeer(variant, properties, serverDurability)) {
				HikariDataSource pool = peer.bean(HikariDataSource.class);
				TransactionMeter meter = new XactCounter(postgres.statisticsObserver(), database,
						StatisticsFlush.endingSessions(pool.getHikariPoolMXBean()::softEvictConnections));
				new WorkloadSuite(parameters, meter, System.out).run(peer);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static Map<String, Object> common(WorkloadParameters parameters, boolean inProcess) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		properties.put("dispatch.scheduler.in-process", Boolean.toString(inProcess));
		properties.put("dispatch.defaults.retry.initial-interval", parameters.retryInitialInterval().toMillis() + "ms");
		properties.put("dispatch.defaults.retry.multiplier", Double.toString(parameters.retryMultiplier()));
		properties.put("dispatch.defaults.retry.max-attempts", Integer.toString(parameters.retryMaxAttempts()));
		return properties;
	}

}
