package io.github.dispatchspring.durability.fanout;

import java.time.Duration;

import io.github.dispatchspring.DispatchFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code visit} function: works for a few milliseconds, then records the item and the instance
 * that ran it in the {@code visits} table of the application's database.
 */
@Component
public class Visits {

	private final JdbcTemplate jdbc;

	private final String instance;

	private final Duration work;

	public Visits(JdbcTemplate jdbc, @Value("${fanout.instance}") String instance,
			@Value("${fanout.work:3ms}") Duration work) {
		this.jdbc = jdbc;
		this.instance = instance;
		this.work = work;
	}

	/**
	 * Creates the table the function writes to.
	 * @param jdbc the application's database
	 */
	public static void createTable(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE visits (item INTEGER NOT NULL, instance VARCHAR(32) NOT NULL)");
	}

	@DispatchFunction
	public void visit(Integer item) throws InterruptedException {
		Thread.sleep(this.work.toMillis());
		this.jdbc.update("INSERT INTO visits (item, instance) VALUES (?, ?)", item, this.instance);
	}

}
