package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Any;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * What an attempt of a leased call leads to, recorded by {@link CallStore#record}.
 */
public sealed interface Transition {

	/**
	 * The leased call the transition applies to.
	 * @return the call
	 */
	ClaimedCall call();

	/**
	 * The call ended with a result.
	 *
	 * @param call the leased call
	 * @param result the result
	 * @param status the status it ended with
	 */
	record Complete(ClaimedCall call, CallResult result, DispatchStatus status) implements Transition {

		/**
		 * The call ended with a result, with status {@code OK}, or {@code PERMANENT_ERROR} if the
		 * result is an error.
		 * @param call the leased call
		 * @param result the result
		 */
		public Complete(ClaimedCall call, CallResult result) {
			this(call, result, result.hasError() ? DispatchStatus.PERMANENT_ERROR : DispatchStatus.OK);
		}

	}

	/**
	 * The call is tried again later.
	 *
	 * @param call the leased call
	 * @param dueAt when the next attempt is due
	 * @param restart whether to drop its coroutine state
	 * @param status the status the failed attempt returned
	 * @param failure what the failed attempt returned, with its error if it had one
	 */
	record Retry(ClaimedCall call, Instant dueAt, boolean restart, DispatchStatus status,
			CallResult failure) implements Transition {

		/**
		 * The call is tried again later after a temporary error that returned nothing.
		 * @param call the leased call
		 * @param dueAt when the next attempt is due
		 * @param restart whether to drop its coroutine state
		 */
		public Retry(ClaimedCall call, Instant dueAt, boolean restart) {
			this(call, dueAt, restart, DispatchStatus.TEMPORARY_ERROR, CallResult.getDefaultInstance());
		}

	}

	/**
	 * The call waits for results of calls.
	 *
	 * @param call the leased call
	 * @param state the coroutine state to resume with
	 * @param minResults results that make the call due
	 * @param maxResults the most results delivered per resume
	 * @param deadline when the call is due anyway, or {@code null}
	 * @param children the calls to start
	 */
	record Suspend(ClaimedCall call, Any state, int minResults, int maxResults, @Nullable Instant deadline,
			List<NewCall> children) implements Transition {
	}

	/**
	 * The call continues as another function.
	 *
	 * @param call the leased call
	 * @param function the new function
	 * @param input the new input
	 */
	record TailCall(ClaimedCall call, String function, Any input) implements Transition {
	}

	/**
	 * The call did not run and is handed back, due again at a later time, without counting the attempt
	 * it was leased for: its endpoint was not taking calls.
	 *
	 * @param call the leased call
	 * @param dueAt when it is due again
	 */
	record Defer(ClaimedCall call, Instant dueAt) implements Transition {
	}

}
