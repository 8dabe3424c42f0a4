package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Any;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A due call leased to one worker. Transitions of a call whose lease was lost to another worker are
 * ignored by the store.
 *
 * @param call the call as accepted (its function and input updated by tail calls)
 * @param state the coroutine state it suspended with, or {@code null} for a first run
 * @param results results from its inbox to resume with, at most the poll's maximum
 * @param attempt how many attempts ran before this one
 * @param leaseToken identifies this lease
 */
public record ClaimedCall(NewCall call, @Nullable Any state, List<CallResult> results, int attempt,
		String leaseToken) {

	/**
	 * The call's id.
	 * @return the dispatch id
	 */
	public String id() {
		return this.call.id();
	}

	/**
	 * Whether the call has passed its expiration time.
	 * @param now the current time
	 * @return {@code true} if expired
	 */
	public boolean expired(Instant now) {
		return this.call.expiresAt() != null && now.isAfter(this.call.expiresAt());
	}

}
