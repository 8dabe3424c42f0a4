package io.github.dispatchspring.scheduler.jdbc;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the tables of a {@link JdbcCallStore} with the default table prefix, to check from outside
 * the application what the scheduler recorded.
 */
public final class StoredCalls {

	private final JdbcTemplate jdbc;

	public StoredCalls(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The store of the embedded scheduler in the given directory, readable once no application has it
	 * open.
	 * @param directory the value of {@code dispatch.scheduler.embedded.directory}
	 * @return the calls
	 */
	public static StoredCalls inEmbeddedStore(Path directory) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + directory.toAbsolutePath().resolve("calls.db"));
		return new StoredCalls(dataSource);
	}

	/**
	 * How many calls of a function were accepted.
	 * @param function the function's name
	 * @return the number of calls
	 */
	public long count(String function) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_calls WHERE function_name = ?", Long.class,
				function);
	}

	/**
	 * How many calls of a function are in a state.
	 * @param function the function's name
	 * @param state {@code PENDING}, {@code RUNNING}, {@code SUSPENDED} or {@code DONE}
	 * @return the number of calls
	 */
	public long count(String function, String state) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_calls WHERE function_name = ? AND state = ?",
				Long.class, function, state);
	}

	/**
	 * How many different inputs the calls of a function have.
	 * @param function the function's name
	 * @return the number of distinct inputs
	 */
	public long distinctInputs(String function) {
		return this.jdbc.queryForList("SELECT input FROM dispatch_calls WHERE function_name = ?", byte[].class, function)
			.stream()
			.map(ByteBuffer::wrap)
			.distinct()
			.count();
	}

	/**
	 * How many ended calls recorded a result.
	 * @param function the function's name
	 * @return the number of results
	 */
	public long results(String function) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_calls WHERE function_name = ? AND state = 'DONE' "
				+ "AND result IS NOT NULL", Long.class, function);
	}

	/**
	 * The errors that calls of a function ended with.
	 * @param function the function's name
	 * @return each failed call's error type and message
	 */
	public List<String> errors(String function) {
		return this.jdbc.queryForList("SELECT result FROM dispatch_calls WHERE function_name = ? AND state = 'DONE'",
				byte[].class, function)
			.stream()
			.map(CallRows::result)
			.filter(CallResult::hasError)
			.map((result) -> result.getError().getType() + ": " + result.getError().getMessage())
			.toList();
	}

	/**
	 * The calls of a function that were started by another call.
	 * @param function the function's name
	 * @param parentId the dispatch id of the parent
	 * @return the number of calls
	 */
	public long children(String function, String parentId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_calls WHERE function_name = ? AND parent_id = ?",
				Long.class, function, parentId);
	}

	/**
	 * How many results wait in inboxes for their parent to resume.
	 * @return the number of inbox rows
	 */
	public long inboxSize() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_inbox", Long.class);
	}

	/**
	 * The ids of the calls of a function that no other call started.
	 * @param function the function's name
	 * @return the dispatch ids
	 */
	public List<String> rootCalls(String function) {
		return this.jdbc.queryForList("SELECT id FROM dispatch_calls WHERE function_name = ? AND parent_id IS NULL",
				String.class, function);
	}

	/**
	 * The state of a call.
	 * @param id the dispatch id
	 * @return the state
	 */
	public String state(String id) {
		return this.jdbc.queryForObject("SELECT state FROM dispatch_calls WHERE id = ?", String.class, id);
	}

	/**
	 * How many calls are leased to a worker.
	 * @return the number of calls in state {@code RUNNING}
	 */
	public long leased() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_calls WHERE state = 'RUNNING'", Long.class);
	}

	/**
	 * When a call is due: its due time, its lease expiry while it runs, or its deadline while it waits.
	 * @param id the dispatch id
	 * @return the time, or {@code null} for a call that is not due at any time
	 */
	public @Nullable Instant dueAt(String id) {
		Long dueAt = this.jdbc.queryForObject("SELECT due_at FROM dispatch_calls WHERE id = ?", Long.class, id);
		return (dueAt != null) ? Instant.ofEpochMilli(dueAt) : null;
	}

	/**
	 * How many attempts of a call ended in a retry.
	 * @param id the dispatch id
	 * @return the attempts before the next one
	 */
	public int attempt(String id) {
		return this.jdbc.queryForObject("SELECT attempt FROM dispatch_calls WHERE id = ?", Integer.class, id);
	}

	/**
	 * The instances registered in the store.
	 * @return each instance's {@code application}, {@code endpoint} and {@code functions} (comma-separated)
	 */
	public List<Map<String, Object>> instances() {
		return this.jdbc.queryForList("SELECT application, endpoint, functions FROM dispatch_instances");
	}

	/**
	 * The result a call ended with.
	 * @param id the dispatch id
	 * @return the result
	 */
	public CallResult result(String id) {
		byte[] result = this.jdbc.queryForObject("SELECT result FROM dispatch_calls WHERE id = ?", byte[].class, id);
		return CallRows.result(result);
	}

}
