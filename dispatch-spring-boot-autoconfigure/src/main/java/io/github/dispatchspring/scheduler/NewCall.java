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
 * @param traceContext the trace context of the code that dispatched the call, as {@link TraceHeaders} keeps
 * it, or {@code null}
 */
public record NewCall(String id, String function, String endpoint, Any input, @Nullable String parentId,
		String rootId, long correlationId, boolean deliverToParent, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable String traceContext) {

	/**
	 * A call without a trace context.
	 * @param id the dispatch id
	 * @param function the function's name
	 * @param endpoint the URL of the endpoint serving the function
	 * @param input the input
	 * @param parentId the call that started this one, or {@code null}
	 * @param rootId the root of the call tree
	 * @param correlationId the parent's correlation id for the result
	 * @param deliverToParent whether the result goes to the parent's inbox
	 * @param createdAt when the call was accepted
	 * @param expiresAt when the call fails with {@code TIMEOUT}, or {@code null}
	 */
	public NewCall(String id, String function, String endpoint, Any input, @Nullable String parentId, String rootId,
			long correlationId, boolean deliverToParent, Instant createdAt, @Nullable Instant expiresAt) {
		this(id, function, endpoint, input, parentId, rootId, correlationId, deliverToParent, createdAt, expiresAt,
				null);
	}

	/**
	 * The same call continuing as another function, as a tail call leaves it.
	 * @param function the new function
	 * @param input the new input
	 * @return the call
	 */
	public NewCall continuedAs(String function, Any input) {
		return new NewCall(this.id, function, this.endpoint, input, this.parentId, this.rootId, this.correlationId,
				this.deliverToParent, this.createdAt, this.expiresAt, this.traceContext);
	}

}
