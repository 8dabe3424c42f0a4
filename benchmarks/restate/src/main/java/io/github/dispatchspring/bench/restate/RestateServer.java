package io.github.dispatchspring.bench.restate;

import io.github.dispatchspring.bench.common.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A restate-server process bound to free ports on 127.0.0.1, with a fresh data directory that is
 * deleted when the server stops.
 */
final class RestateServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
	private static final int LOG_TAIL_LINES = 40;
	private static final String CONFIG_FILE = "restate.toml";

	private final Process process;
	private final Path workDirectory;
	private final URI ingress;
	private final URI admin;
	private final Thread stopOnExit;

	private RestateServer(Process process, Path workDirectory, URI ingress, URI admin) {
		this.process = process;
		this.workDirectory = workDirectory;
		this.ingress = ingress;
		this.admin = admin;
		this.stopOnExit = new Thread(this::stopProcess, "restate-server-stopper");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
	}

	static RestateServer start(Path binary) throws IOException, InterruptedException {
		Path workDirectory = Files.createTempDirectory("restate-bench-");
		int[] ports = distinctFreePorts(3);
		Path config = workDirectory.resolve(CONFIG_FILE);
		Files.writeString(config, configuration(ports[0], ports[1], ports[2]));
		var builder =
				new ProcessBuilder(
								binary.toString(),
								"--config-file", config.toString(),
								"--base-dir", workDirectory.resolve("data").toString(),
								"--no-logo",
								"--log-disable-ansi-codes", "true")
						.redirectErrorStream(true)
						.redirectOutput(workDirectory.resolve("server.log").toFile());
		builder.environment().put("DO_NOT_TRACK", "1");
		var server =
				new RestateServer(
						builder.start(),
						workDirectory,
						URI.create("http://" + LoopbackPorts.HOST + ":" + ports[1]),
						URI.create("http://" + LoopbackPorts.HOST + ":" + ports[2]));
		try {
			server.awaitHealthy();
			return server;
		} catch (InterruptedException | RuntimeException e) {
			server.close();
			throw e;
		}
	}

	URI ingress() {
		return ingress;
	}

	URI admin() {
		return admin;
	}

	/** The configuration file the server was started with. */
	Path configFile() {
		return workDirectory.resolve(CONFIG_FILE);
	}

	String logTail() {
		try (Stream<String> lines = Files.lines(workDirectory.resolve("server.log"))) {
			List<String> all = lines.toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
		} catch (IOException | RuntimeException e) {
			return "(no server log: " + e + ")";
		}
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(stopOnExit);
		} catch (IllegalStateException shuttingDown) {
			// the hook itself is stopping the server
		}
		stopProcess();
		deleteRecursively(workDirectory);
	}

	private void awaitHealthy() throws InterruptedException {
		var http = new LoopbackHttp();
		long polls = STARTUP_TIMEOUT.toMillis() / POLL_INTERVAL.toMillis();
		for (long i = 0; i < polls; i++) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"restate-server exited with " + process.exitValue() + ":\n" + logTail());
			}
			if (http.status(admin.resolve("/health")) == 200
					&& http.status(ingress.resolve("/restate/health")) == 200) {
				return;
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		throw new IllegalStateException(
				"restate-server not healthy after " + STARTUP_TIMEOUT + ":\n" + logTail());
	}

	private void stopProcess() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static String configuration(int nodePort, int ingressPort, int adminPort) {
		String host = LoopbackPorts.HOST;
		return """
				cluster-name = "dispatch-bench"
				node-name = "bench"
				listen-mode = "tcp"
				bind-address = "%1$s:%2$d"
				advertised-address = "http://%1$s:%2$d/"
				disable-telemetry = true
				log-filter = "warn"

				[ingress]
				bind-address = "%1$s:%3$d"

				[admin]
				bind-address = "%1$s:%4$d"
				disable-web-ui = true
				"""
				.formatted(host, nodePort, ingressPort, adminPort);
	}

	private static int[] distinctFreePorts(int count) {
		int[] ports = new int[count];
		for (int i = 0; i < count; i++) {
			int port;
			int attempts = 0;
			do {
				port = LoopbackPorts.freePort();
				attempts++;
			} while (contains(ports, i, port) && attempts < 100);
			ports[i] = port;
		}
		return ports;
	}

	private static boolean contains(int[] ports, int filled, int port) {
		for (int i = 0; i < filled; i++) {
			if (ports[i] == port) {
				return true;
			}
		}
		return false;
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException e) {
			System.err.println("could not delete " + directory + ": " + e);
		}
	}
}
