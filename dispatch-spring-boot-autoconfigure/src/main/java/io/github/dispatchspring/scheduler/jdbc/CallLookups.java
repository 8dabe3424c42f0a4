package io.github.dispatchspring.scheduler.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.NewCall;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the store's calls by id or parent: whether they were accepted, their results, whether they
 * were cancelled while they ran and the calls they made. Long lists of ids are read in chunks.
 */
final class CallLookups {

	private final JdbcTemplate jdbc;

	private final String calls;

	CallLookups(JdbcTemplate jdbc, String tablePrefix) {
		this.jdbc = jdbc;
		this.calls = tablePrefix + "calls";
	}

	Map<String, CallResult> results(Collection<String> ids) {
		Map<String, CallResult> results = new HashMap<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CallRows.CHUNK)) {
			this.jdbc.query("SELECT id, result FROM " + this.calls + " WHERE state = 'DONE' AND id IN ("
					+ CallRows.placeholders(chunk.size()) + ")",
					(row) -> {
						results.put(row.getString("id"), CallRows.result(row.getBytes("result")));
					}, chunk.toArray());
		}
		return results;
	}

	boolean exists(String id) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.calls + " WHERE id = ?", Integer.class, id);
		return count != null && count > 0;
	}

	Set<String> existing(Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CallRows.CHUNK)) {
			existing.addAll(this.jdbc.queryForList("SELECT id FROM " + this.calls + " WHERE id IN ("
					+ CallRows.placeholders(chunk.size()) + ")", String.class, chunk.toArray()));
		}
		return existing;
	}

	/** Which of the given calls run and were cancelled while they ran. */
	Set<String> cancelledRunning(Collection<String> ids) {
		Set<String> cancelled = new HashSet<>();
		for (List<String> chunk : CallRows.chunks(List.copyOf(ids), CallRows.CHUNK)) {
			cancelled.addAll(this.jdbc.queryForList("SELECT id FROM " + this.calls + " WHERE state = 'RUNNING' AND "
					+ "cancelled_at IS NOT NULL AND id IN (" + CallRows.placeholders(chunk.size()) + ")", String.class,
					chunk.toArray()));
		}
		return cancelled;
	}

	List<NewCall> children(String parentId) {
		return this.jdbc.query("SELECT " + CallRows.CLAIMED_COLUMNS + " FROM " + this.calls + " WHERE parent_id = ?",
				(row, i) -> CallRows.claimed(row).call(), parentId);
	}

}
