package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Any;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A call with what it was asked and answered, and what happened to it.
 *
 * @param summary the call as lists show it
 * @param endpoint the URL of the endpoint serving its function
 * @param input its input (the last one, after tail calls)
 * @param result its result, or {@code null} while it has not ended
 * @param dueAt when it is due next (for a running call, when its lease expires), or {@code null}
 * @param expiresAt when it fails with {@code TIMEOUT} if it has not ended, or {@code null}
 * @param children how many calls it made that the store holds
 * @param history its failed attempts and the actions taken on it, oldest first
 */
public record CallDetails(CallSummary summary, String endpoint, Any input, @Nullable CallResult result,
		@Nullable Instant dueAt, @Nullable Instant expiresAt, long children, List<CallEvent> history) {

	public CallDetails {
		history = List.copyOf(history);
	}

}
