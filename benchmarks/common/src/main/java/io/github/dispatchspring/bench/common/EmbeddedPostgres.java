package io.github.dispatchspring.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL server of a benchmark run: an embedded server on a free loopback port, or, when
 * {@code -Dbench.jdbcUrl} is set (with {@code -Dbench.user} and {@code -Dbench.password}), an
 * existing database.
 *
 * <p>The embedded server runs durably, like a production server at PostgreSQL's defaults: {@code
 * fsync}, {@code synchronous_commit} and {@code full_page_writes} on (zonky's own defaults turn the
 * first two off). {@link #durability} reads the settings back from the running server.
 *
 * <p>PostgreSQL refuses to run as root; when the JVM runs as root, zonky starts initdb and pg_ctl
 * under {@code unshare -U} (util-linux), where the process is the unprivileged overflow user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	public static final String JDBC_URL_PROPERTY = "bench.jdbcUrl";
	public static final String USER_PROPERTY = "bench.user";
	public static final String PASSWORD_PROPERTY = "bench.password";

	private static final String SUPERUSER = "postgres";
	private static final String MAINTENANCE_DATABASE = "postgres";
	private static final Map<String, String> DURABLE_SETTINGS =
			Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

	private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
	private final PostgresConnection given;

	private EmbeddedPostgres(
			io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, PostgresConnection given) {
		this.server = server;
		this.given = given;
	}

	public static EmbeddedPostgres startOrConnect() {
		String jdbcUrl = System.getProperty(JDBC_URL_PROPERTY);
		if (jdbcUrl != null && !jdbcUrl.isBlank()) {
			return new EmbeddedPostgres(
					null,
					new PostgresConnection(
							jdbcUrl,
							System.getProperty(USER_PROPERTY, SUPERUSER),
							System.getProperty(PASSWORD_PROPERTY, "")));
		}
		return new EmbeddedPostgres(startEmbedded(), null);
	}

	public boolean isEmbedded() {
		return server != null;
	}

	/**
	 * A database for one peer: on the embedded server a fresh database of that name, on an existing
	 * server the database of {@code -Dbench.jdbcUrl} itself.
	 */
	public PostgresConnection database(String name) {
		if (!isEmbedded()) {
			return given;
		}
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain database name: " + name);
		}
		var maintenance = embeddedConnection(MAINTENANCE_DATABASE);
		try (var connection = maintenance.open();
				var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		} catch (SQLException e) {
			throw new IllegalStateException("could not create database " + name, e);
		}
		return embeddedConnection(name);
	}

	/**
	 * The durability settings a session of {@code database} runs with. On the embedded server they
	 * must be the durable ones the harness started it with; an existing server is reported as it is.
	 */
	public PostgresDurability durability(PostgresConnection database) {
		var durability = PostgresDurability.of(database);
		if (isEmbedded() && !durability.isDurable()) {
			throw new IllegalStateException(
					"the embedded PostgreSQL server ignored its durable settings " + DURABLE_SETTINGS
							+ " and runs with " + durability.describe());
		}
		return durability;
	}

	/**
	 * A connection from which to read another database's statistics: the maintenance database on
	 * the embedded server, the given database otherwise.
	 */
	public PostgresConnection statisticsObserver() {
		return isEmbedded() ? embeddedConnection(MAINTENANCE_DATABASE) : given;
	}

	@Override
	public void close() {
		if (server != null) {
			try {
				server.close();
			} catch (IOException e) {
				throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
			}
		}
	}

	private PostgresConnection embeddedConnection(String database) {
		return new PostgresConnection(
				"jdbc:postgresql://" + LoopbackPorts.HOST + ":" + server.getPort() + "/" + database,
				SUPERUSER,
				"");
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startEmbedded() {
		try {
			var builder =
					io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
							.setPort(LoopbackPorts.freePort())
							.setServerConfig("listen_addresses", LoopbackPorts.HOST)
							.setCleanDataDirectory(true)
							.setRegisterShutdownHook(true);
			DURABLE_SETTINGS.forEach(builder::setServerConfig);
			return builder.start();
		} catch (IOException | RuntimeException e) {
			throw new IllegalStateException(
					"could not start embedded PostgreSQL (as root it needs 'unshare' from util-linux)", e);
		}
	}
}
