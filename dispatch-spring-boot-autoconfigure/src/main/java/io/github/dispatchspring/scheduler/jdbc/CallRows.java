package io.github.dispatchspring.scheduler.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallEvent;
import io.github.dispatchspring.scheduler.NewCall;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the columns of the calls and inbox tables.
 */
final class CallRows {

	/** The most ids a statement names; statements that insert rows take five times as many. */
	static final int CHUNK = 500;

	static final String CLAIMED_COLUMNS = "id, function_name, endpoint, input, parent_id, root_id, correlation_id, "
			+ "deliver_to_parent, created_at, expires_at, trace_context, coroutine_state, max_results, attempt";

	/**
	 * The assignments that hand a leased call back, due at the time given as their one parameter, for
	 * an attempt that counts as the one it interrupted.
	 */
	static final String HANDED_BACK = "state = 'PENDING', lease_token = NULL, lease_owner = NULL, due_at = ?";

	private CallRows() {
	}

	static Object[] insertParameters(NewCall call) {
		return new Object[] { call.id(), call.function(), call.endpoint(), call.input().toByteArray(), call.parentId(),
				call.rootId(), call.correlationId(), call.deliverToParent(), millis(call.createdAt()),
				millis(call.expiresAt()), call.traceContext(), millis(call.createdAt()) };
	}

	static Claimed claimed(ResultSet row) throws SQLException {
		NewCall call = new NewCall(row.getString("id"), row.getString("function_name"), row.getString("endpoint"),
				any(row.getBytes("input")), row.getString("parent_id"), row.getString("root_id"),
				row.getLong("correlation_id"), row.getBoolean("deliver_to_parent"),
				Instant.ofEpochMilli(row.getLong("created_at")), instant(row, "expires_at"),
				row.getString("trace_context"));
		byte[] state = row.getBytes("coroutine_state");
		return new Claimed(call, (state != null) ? any(state) : null, row.getInt("max_results"), row.getInt("attempt"));
	}

	/**
	 * The type of a result's error, cut to the length of its column.
	 * @param result the result
	 * @return the type, or {@code null} for a result without an error
	 */
	static @Nullable String errorType(CallResult result) {
		return result.hasError() ? CallEvent.cut(result.getError().getType(), CallEvent.MAX_TYPE_LENGTH) : null;
	}

	static @Nullable String errorMessage(CallResult result) {
		return result.hasError() ? result.getError().getMessage() : null;
	}

	static CallResult result(byte[] bytes) {
		try {
			return CallResult.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("A stored call result is corrupt", ex);
		}
	}

	static Any any(byte[] bytes) {
		try {
			return Any.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("A stored call is corrupt", ex);
		}
	}

	static @Nullable Long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new java.util.ArrayList<>();
		for (int start = 0; start < items.size(); start += size) {
			chunks.add(items.subList(start, Math.min(items.size(), start + size)));
		}
		return chunks;
	}

	/** A claimed row before its inbox is read. */
	record Claimed(NewCall call, @Nullable Any state, int maxResults, int attempt) {
	}

}
