package io.github.dispatchspring.scheduler.jdbc;

import java.util.List;

import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.ClaimedCall;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inboxes of suspended calls: the results of the calls a poll started, delivered as they end and
 * kept until the parent was resumed with them. Each parent's row counts the results of its inbox.
 */
final class Inboxes {

	private final JdbcTemplate jdbc;

	private final String calls;

	private final String inbox;

	Inboxes(JdbcTemplate jdbc, String tablePrefix) {
		this.jdbc = jdbc;
		this.calls = tablePrefix + "calls";
		this.inbox = tablePrefix + "inbox";
	}

	/**
	 * Delivers a result to the inbox of a parent that has not ended.
	 * @param parentId the parent
	 * @param childId the call that ended
	 * @param result its result
	 * @return whether the parent was there to take it
	 */
	boolean deliver(String parentId, String childId, CallResult result) {
		int parents = this.jdbc.update("UPDATE " + this.calls + " SET inbox_count = inbox_count + 1 WHERE id = ? AND state <> 'DONE'",
				parentId);
		if (parents == 0) {
			return false;
		}
		this.jdbc.update("INSERT INTO " + this.inbox + " (parent_id, child_id, result) VALUES (?, ?, ?)", parentId,
				childId, result.toByteArray());
		return true;
	}

	/**
	 * Reads the first results of an inbox.
	 * @param parentId the parent
	 * @param limit the most results to read
	 * @return the results
	 */
	List<CallResult> read(String parentId, int limit) {
		return this.jdbc.query("SELECT result FROM " + this.inbox + " WHERE parent_id = ? LIMIT ?",
				(row, i) -> CallRows.result(row.getBytes("result")), parentId, limit);
	}

	/**
	 * Drops the results a call was resumed with, and counts them out of its row.
	 * @param call the resumed call
	 */
	void dropDelivered(ClaimedCall call) {
		int delivered = 0;
		for (int deleted : this.jdbc.batchUpdate("DELETE FROM " + this.inbox + " WHERE parent_id = ? AND child_id = ?",
				call.results().stream().map((result) -> new Object[] { call.id(), result.getDispatchId() }).toList())) {
			delivered += Math.max(deleted, 0);
		}
		if (delivered > 0) {
			this.jdbc.update("UPDATE " + this.calls + " SET inbox_count = inbox_count - ? WHERE id = ?", delivered,
					call.id());
		}
	}

	/**
	 * Drops every result of an inbox; the caller resets the count in the parent's row.
	 * @param parentId the parent
	 */
	void clear(String parentId) {
		this.jdbc.update("DELETE FROM " + this.inbox + " WHERE parent_id = ?", parentId);
	}

}
