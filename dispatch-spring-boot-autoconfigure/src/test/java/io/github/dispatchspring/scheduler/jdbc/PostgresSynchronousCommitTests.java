package io.github.dispatchspring.scheduler.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.google.protobuf.Any;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.Durability;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, every transaction of the store commits with {@code synchronous_commit} on, so the
 * commit returns only once the server flushed its log, unless the durability is relaxed. Each commit
 * on a real server is preceded by a look at the setting in force for that very transaction.
 */
class PostgresSynchronousCommitTests {

	@Test
	void commitsEveryWriteSynchronouslyByDefault() {
		assertThat(settingsAtCommit(Durability.SYNC)).isNotEmpty().containsOnly("on");
	}

	@Test
	void commitsEveryWriteSynchronouslyOnADatabaseWhoseDefaultIsOff() {
		assertThat(settingsAtCommit(Durability.SYNC, "off")).isNotEmpty().containsOnly("on");
	}

	@Test
	void commitsWithoutWaitingForTheLogWhenRelaxed() {
		assertThat(settingsAtCommit(Durability.RELAXED)).isNotEmpty().containsOnly("off");
	}

	private static List<String> settingsAtCommit(Durability durability) {
		return settingsAtCommit(durability, "on");
	}

	/**
	 * The setting in force at each commit of the store's writes, on a database whose sessions start
	 * with {@code synchronous_commit} set to the given default.
	 */
	private static List<String> settingsAtCommit(Durability durability, String databaseDefault) {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		jdbc.execute("ALTER DATABASE " + database.name() + " SET synchronous_commit TO " + databaseDefault);
		assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo(databaseDefault);
		List<String> settings = new CopyOnWriteArrayList<>();
		DataSource observed = observingCommits(database.dataSource(), settings);
		JdbcCallStore store = MigratedStores.store(observed, "dispatch_", Clock.systemUTC(), durability);
		settings.clear();
		store.add(List.of(new NewCall("a", "f", "", Any.getDefaultInstance(), null, "a", 0, false, Instant.now(), null)));
		List<ClaimedCall> claimed = store.claim(1, Duration.ofMinutes(1));
		record(store, new Transition.Complete(claimed.get(0), CallResult.getDefaultInstance()));
		assertThat(settings).hasSizeGreaterThanOrEqualTo(3);
		return settings;
	}

	private static DataSource observingCommits(DataSource dataSource, List<String> settings) {
		return new DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws java.sql.SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
							if (method.getName().equals("commit")) {
								try (Statement statement = connection.createStatement();
										ResultSet setting = statement.executeQuery("SHOW synchronous_commit")) {
									setting.next();
									settings.add(setting.getString(1));
								}
							}
							try {
								return method.invoke(connection, arguments);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
	}

}
