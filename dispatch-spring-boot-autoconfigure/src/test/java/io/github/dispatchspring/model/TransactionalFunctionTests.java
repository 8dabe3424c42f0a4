package io.github.dispatchspring.model;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Transactional} function is rolled back at each suspension, as Spring rolls back on an
 * {@link Error}, and does its work again when it replays: what it wrote before a gather is kept
 * once, committed with what it wrote after, and nothing of it is visible while it waits; on each
 * store a subclass runs it on.
 */
abstract class TransactionalFunctionTests {

	@Autowired
	DispatchClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Test
	void keepsTheWorkOfATransactionalFunctionOnceAcrossItsSuspensions() throws Exception {
		DispatchId id = this.client.dispatch("transfer", "t-1");
		ProgrammingModelTests.await(() -> this.client.status(id).state() == CallStatus.State.SUSPENDED);
		assertThat(entries()).as("entries while the function waits").isEmpty();
		this.ledger.release("t-1-fee");
		assertThat(this.client.await(id, Integer.class, Duration.ofMinutes(1))).isEqualTo(2);
		assertThat(entries()).containsExactly("t-1 debit", "t-1 credit");
	}

	private List<String> entries() {
		return this.jdbc.queryForList("SELECT entry FROM ledger ORDER BY id", String.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableTransactionManagement
	@Import(Ledger.class)
	static class LedgerApplication {

		@Bean
		DataSource ledgerDataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("classpath:io/github/dispatchspring/model/ledger.sql")
				.build();
		}

		@Bean
		PlatformTransactionManager ledgerTransactions(DataSource ledgerDataSource) {
			return new DataSourceTransactionManager(ledgerDataSource);
		}

		@Bean
		JdbcTemplate ledgerJdbc(DataSource ledgerDataSource) {
			return new JdbcTemplate(ledgerDataSource);
		}

	}

	static class Ledger {

		private final DispatchClient client;

		private final JdbcTemplate jdbc;

		private final Billing holds;

		Ledger(DispatchClient client, JdbcTemplate jdbc) {
			this.client = client;
			this.jdbc = jdbc;
			this.holds = new Billing(client);
		}

		void release(String text) {
			this.holds.release(text);
		}

		@DispatchFunction
		public String fee(String text) throws InterruptedException {
			return this.holds.held(text);
		}

		@Transactional
		@DispatchFunction
		public int transfer(String id) {
			this.jdbc.update("INSERT INTO ledger (entry) VALUES (?)", id + " debit");
			this.client.gather("fee", List.of(id + "-fee"), String.class);
			this.jdbc.update("INSERT INTO ledger (entry) VALUES (?)", id + " credit");
			return this.jdbc.queryForObject("SELECT COUNT(*) FROM ledger", Integer.class);
		}

	}

}
