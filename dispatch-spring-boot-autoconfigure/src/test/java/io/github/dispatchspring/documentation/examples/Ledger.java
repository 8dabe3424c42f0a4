package io.github.dispatchspring.documentation.examples;

import java.util.List;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transactional function with a gather.
 */
class Ledger {

	private final DispatchClient client;

	private final JdbcTemplate jdbc;

	Ledger(DispatchClient client, JdbcTemplate jdbc) {
		this.client = client;
		this.jdbc = jdbc;
	}

	@Transactional
	@DispatchFunction
	public int transfer(String id) {
		jdbc.update("INSERT INTO ledger (entry) VALUES (?)", id + " debit");   // rolled back at the suspension
		client.gather("fee", List.of(id + "-fee"), String.class);            // suspends the first run
		jdbc.update("INSERT INTO ledger (entry) VALUES (?)", id + " credit");  // the last run commits both, once
		return jdbc.queryForObject("SELECT COUNT(*) FROM ledger", Integer.class);
	}

}
