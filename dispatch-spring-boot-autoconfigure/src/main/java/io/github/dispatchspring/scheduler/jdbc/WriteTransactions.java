package io.github.dispatchspring.scheduler.jdbc;

import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.Durability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's write transactions: each runs with the store's {@link Durability}, and on PostgreSQL
 * tells the other instances, through {@code NOTIFY} on the store's channel, when it made work due;
 * each instance listens on that channel.
 */
final class WriteTransactions {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SqlDialect dialect;

	private final Durability durability;

	private final String channel;

	WriteTransactions(DataSource dataSource, SqlDialect dialect, Durability durability, String channel) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.dialect = dialect;
		this.durability = durability;
		this.channel = channel;
	}

	/**
	 * Runs a write transaction: when it returns, what it wrote is on stable storage unless the
	 * durability is relaxed.
	 * @param work what the transaction does
	 * @return what the work returned
	 */
	<T> T write(Supplier<T> work) {
		String begin = this.dialect.beginTransaction(this.durability);
		return this.transactions.execute((status) -> {
			if (begin != null) {
				this.jdbc.execute(begin);
			}
			return work.get();
		});
	}

	/**
	 * Runs a write transaction that makes work due, and tells the other instances.
	 * @param work what the transaction does
	 */
	void writeDue(Runnable work) {
		write(() -> {
			work.run();
			notifyDue();
			return null;
		});
	}

	/**
	 * Tells the other instances, when the current transaction commits, that calls may have become due.
	 */
	void notifyDue() {
		if (this.dialect == SqlDialect.POSTGRESQL) {
			this.jdbc.query("SELECT pg_notify(?, '')", (row) -> {
			}, this.channel);
		}
	}

	/**
	 * Calls the given action when another instance made calls due, on PostgreSQL only.
	 * @param onDue what to call
	 * @return stops listening
	 */
	AutoCloseable subscribe(Runnable onDue) {
		if (this.dialect != SqlDialect.POSTGRESQL) {
			return () -> {
			};
		}
		return PostgresNotifications.listen(this.dataSource, this.channel, onDue);
	}

}
