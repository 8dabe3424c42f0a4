package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A PostgreSQL server for tests, reachable on the loopback interface, that can be stopped and
 * started again on the same port with its data kept.
 */
interface PostgresServer {

	/** The only address the server listens on. */
	String LOOPBACK = "127.0.0.1";

	/**
	 * The JDBC URL of a database on this server.
	 * @param database the database's name
	 * @return the URL
	 */
	default String jdbcUrl(String database) {
		return "jdbc:postgresql://" + LOOPBACK + ":" + port() + "/" + database;
	}

	/**
	 * The loopback port the server listens on.
	 * @return the port
	 */
	int port();

	/**
	 * The superuser's name.
	 * @return the user name
	 */
	String username();

	/**
	 * The superuser's password.
	 * @return the password, empty for none
	 */
	String password();

	/** Stops the server; its databases come back with {@link #start()}. */
	void stop();

	/** Starts the server again after {@link #stop()}, on the same port and with the same data. */
	void start();

	/**
	 * A loopback port that no one listens on now.
	 * @return the port
	 */
	static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
