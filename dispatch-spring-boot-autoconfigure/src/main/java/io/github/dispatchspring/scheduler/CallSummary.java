package io.github.dispatchspring.scheduler;

import java.time.Instant;

import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

/**
 * A call as lists show it.
 *
 * @param id the dispatch id
 * @param function the function's name
 * @param state where the call is
 * @param status the status it ended with, or {@code null} while it has not
 * @param errorType the type of the error it ended with, or {@code null}
 * @param parentId the call that made it, or {@code null}
 * @param rootId the root of its tree
 * @param createdAt when it was accepted
 * @param endedAt when it ended, or {@code null}
 * @param attempt how many attempts of its current run failed
 * @param cancelling whether it was cancelled while running and ends when its attempt returns
 */
public record CallSummary(String id, String function, CallState state, @Nullable DispatchStatus status,
		@Nullable String errorType, @Nullable String parentId, String rootId, Instant createdAt,
		@Nullable Instant endedAt, int attempt, boolean cancelling) {
}
