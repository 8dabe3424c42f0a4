package io.github.dispatchspring.scheduler;

import java.time.Instant;

import com.google.protobuf.Any;
import org.jspecify.annotations.Nullable;

/**
 * A call accepted by the scheduler, as written to the store.
 *
 * @param id the dispatch id
 * @param function the function's name
 * @param endpoint the URL of the endpoint serving the function
 * @param input the input
 * @param parentId the call that started this one, or {@code null}
 * @param rootId the root of the call tree (the call's own id for a root)
 * @param correlationId the parent's correlation id for the result
 * @param deliverToParent whether the result goes to the parent's inbox (a call of a poll)
 * @param createdAt when the call was accepted
 * @param expiresAt when the call fails with {@code TIMEOUT} if it has not ended, or {@code null}
 */
public record NewCall(String id, String function, String endpoint, Any input, @Nullable String parentId,
		String rootId, long correlationId, boolean deliverToParent, Instant createdAt, @Nullable Instant expiresAt) {
}
