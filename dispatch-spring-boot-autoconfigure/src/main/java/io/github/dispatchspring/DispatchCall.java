package io.github.dispatchspring;

import org.jspecify.annotations.Nullable;

/**
 * The call a {@link DispatchFunction} runs for. A function receives it by declaring a parameter of
 * this type beside its input, and any code the function runs can ask {@link DispatchClient#currentCall()}.
 * <p>
 * The ids stay the same across every attempt and every replay of the call, so they key side effects
 * that must happen once even though the function may run again: an email sent with
 * {@code id()} as its idempotency key is sent once, however often the call is retried.
 *
 * @param function the name of the function the call runs
 * @param id the call's dispatch id
 * @param rootId the dispatch id of the root of the call tree, the call's own for a root call
 * @param parentId the dispatch id of the call that made this one, or {@code null} for a root call
 * @param attempt the attempt of this run of the call, from 1: it grows with each retry, and counts from 1
 * again when a call suspended in a gather resumes; 1 when the scheduler driving the webhook does not
 * tell attempts apart
 */
public record DispatchCall(String function, DispatchId id, DispatchId rootId, @Nullable DispatchId parentId,
		int attempt) {

}
