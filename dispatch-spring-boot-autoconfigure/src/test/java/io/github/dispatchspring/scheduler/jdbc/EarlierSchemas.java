package io.github.dispatchspring.scheduler.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes the tables of a store back to an earlier schema version, for tests of migrations.
 */
final class EarlierSchemas {

	private EarlierSchemas() {
	}

	/**
	 * Removes what version 7 added (the index of the due calls by function and the starts of
	 * rate-limited functions), on PostgreSQL or SQLite, and records version 6.
	 * @param jdbc the database of tables named with the prefix {@code dispatch_}
	 */
	static void downgradeToVersionSix(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE dispatch_starts");
		jdbc.execute("DROP INDEX dispatch_calls_function_due_at");
		jdbc.update("UPDATE dispatch_schema_version SET version = 6");
	}

	/**
	 * Removes what versions 7, 6 and 5 added (the last attempt's status and error and the idempotency key;
	 * the status, error type and cancellation of calls, their history and the indexes of their
	 * queries), on PostgreSQL or SQLite, and records version 4.
	 * @param jdbc the database of tables named with the prefix {@code dispatch_}
	 */
	static void downgradeToVersionFour(JdbcTemplate jdbc) {
		downgradeToVersionSix(jdbc);
		jdbc.execute("DROP INDEX dispatch_calls_idempotency_key");
		for (String column : new String[] { "last_status", "last_error_type", "last_error_message", "idempotency_key" }) {
			jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN " + column);
		}
		jdbc.execute("DROP TABLE dispatch_history");
		for (String index : new String[] { "active", "ended", "ended_function", "ended_root_id", "failed" }) {
			jdbc.execute("DROP INDEX dispatch_calls_" + index);
		}
		for (String column : new String[] { "status", "error_type", "cancelled_at" }) {
			jdbc.execute("ALTER TABLE dispatch_calls DROP COLUMN " + column);
		}
		jdbc.update("UPDATE dispatch_schema_version SET version = 4");
	}

}
