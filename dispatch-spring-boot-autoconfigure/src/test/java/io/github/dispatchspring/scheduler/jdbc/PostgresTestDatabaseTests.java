package io.github.dispatchspring.scheduler.jdbc;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresTestDatabaseTests {

	@Test
	void givesEachCallerADatabaseOfItsOwn() {
		PostgresTestDatabase first = PostgresTestDatabase.create();
		PostgresTestDatabase second = PostgresTestDatabase.create();
		new JdbcTemplate(first.dataSource()).execute("CREATE TABLE marker (id INTEGER)");
		assertThat(second.name()).isNotEqualTo(first.name());
		assertThat(tables(second)).doesNotContain("marker");
		assertThat(tables(first)).contains("marker");
	}

	@Test
	void keepsItsDataAndPortAcrossAServerRestart() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		jdbc.execute("CREATE TABLE survivor (id INTEGER)");
		jdbc.update("INSERT INTO survivor VALUES (42)");
		database.stopServer();
		try {
			assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
				.isThrownBy(() -> jdbc.queryForObject("SELECT id FROM survivor", Integer.class));
		}
		finally {
			database.startServer();
		}
		assertThat(jdbc.queryForObject("SELECT id FROM survivor", Integer.class)).isEqualTo(42);
		assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
	}

	private static java.util.List<String> tables(PostgresTestDatabase database) {
		return new JdbcTemplate(database.dataSource())
			.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
	}

}
