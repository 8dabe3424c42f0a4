package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * A fresh PostgreSQL database for one test, on a server shared by the whole JVM: a Testcontainers
 * container when a Docker engine is available, otherwise an embedded server from Maven Central.
 * The server starts on first use; it never makes a test skip.
 */
public final class PostgresTestDatabase {

	private static final AtomicInteger databases = new AtomicInteger();

	private static PostgresServer server;

	private final PostgresServer host;

	private final String name;

	private PostgresTestDatabase(PostgresServer host, String name) {
		this.host = host;
		this.name = name;
	}

	/**
	 * Creates a database of its own for the caller.
	 * @return the new, empty database
	 */
	public static PostgresTestDatabase create() {
		PostgresServer host = server();
		String name = "dispatch_test_" + databases.incrementAndGet();
		PostgresTestDatabase maintenance = new PostgresTestDatabase(host, "postgres");
		try (Connection connection = maintenance.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name, ex);
		}
		return new PostgresTestDatabase(host, name);
	}

	private static synchronized PostgresServer server() {
		if (server == null) {
			server = DockerClientFactory.instance().isDockerAvailable() ? ContainerPostgresServer.launch()
					: EmbeddedPostgresServer.launch();
		}
		return server;
	}

	/**
	 * The database's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The JDBC URL of the database, on a loopback address.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return this.host.jdbcUrl(this.name);
	}

	/**
	 * The user to log in as, a superuser.
	 * @return the user name
	 */
	public String username() {
		return this.host.username();
	}

	/**
	 * The user's password.
	 * @return the password, empty for none
	 */
	public String password() {
		return this.host.password();
	}

	/**
	 * A data source that opens a new connection each time, so that it works again after a restart.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(username());
		dataSource.setPassword(password());
		return dataSource;
	}

	/**
	 * A data source on the server's maintenance database, to read statistics about this one without
	 * adding to them.
	 * @return the data source
	 */
	public DataSource maintenanceDataSource() {
		return new PostgresTestDatabase(this.host, "postgres").dataSource();
	}

	/**
	 * The transactions committed in this database so far ({@code pg_stat_database.xact_commit}), read
	 * once the count settles: a session publishes its counts when it ends, or at most once a second.
	 * @return the number of committed transactions
	 */
	public long committedTransactions() {
		JdbcTemplate maintenance = new JdbcTemplate(maintenanceDataSource());
		String query = "SELECT xact_commit FROM pg_stat_database WHERE datname = ?";
		AtomicLong last = new AtomicLong(-1);
		return await("xact_commit of " + this.name + " settling").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ofMillis(1200))
			.pollInterval(Duration.ofMillis(1200))
			.until(() -> maintenance.queryForObject(query, Long.class, this.name),
					(count) -> count == last.getAndSet(count));
	}

	/**
	 * The command line arguments that make an application keep its calls in this database.
	 * @return the arguments, such as {@code --dispatch.scheduler.store=jdbc}
	 */
	public List<String> storeArguments() {
		return List.of("--dispatch.scheduler.store=jdbc", "--dispatch.scheduler.jdbc.url=" + jdbcUrl(),
				"--dispatch.scheduler.jdbc.username=" + username(), "--dispatch.scheduler.jdbc.password=" + password());
	}

	/**
	 * Makes the application context of a test keep its calls in this database.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void registerAsStore(DynamicPropertyRegistry registry) {
		registry.add("dispatch.scheduler.store", () -> "jdbc");
		registry.add("dispatch.scheduler.jdbc.url", this::jdbcUrl);
		registry.add("dispatch.scheduler.jdbc.username", this::username);
		registry.add("dispatch.scheduler.jdbc.password", this::password);
	}

	/** Stops the server under this database, and so every database of this JVM's tests. */
	public void stopServer() {
		this.host.stop();
	}

	/** Starts the server again on the same port, with the data it had. */
	public void startServer() {
		this.host.start();
	}

}
