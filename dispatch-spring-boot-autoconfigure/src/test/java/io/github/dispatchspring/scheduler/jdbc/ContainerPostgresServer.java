package io.github.dispatchspring.scheduler.jdbc;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL server in a container of the local Docker engine. Its port is bound to a fixed
 * loopback port so that it stays the same when the container is stopped and started again; the
 * container's file system keeps the data in between.
 */
final class ContainerPostgresServer implements PostgresServer {

	private static final int POSTGRES_PORT = 5432;

	private final PostgreSQLContainer container;

	private final int port;

	private ContainerPostgresServer(PostgreSQLContainer container, int port) {
		this.container = container;
		this.port = port;
	}

	@SuppressWarnings("resource")
	static ContainerPostgresServer launch() {
		int port = PostgresServer.freeLoopbackPort();
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
			.withCreateContainerCmdModifier((command) -> command.getHostConfig()
				.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort(PostgresServer.LOOPBACK, port),
						ExposedPort.tcp(POSTGRES_PORT))));
		container.start();
		return new ContainerPostgresServer(container, port);
	}

	@Override
	public void stop() {
		this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void start() {
		this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
		await("PostgreSQL in container " + this.container.getContainerId() + " accepting connections")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(SQLException.class)
			.until(this::accepting);
	}

	private boolean accepting() throws SQLException {
		try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
			return connection.isValid(1);
		}
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}


}
