package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Any;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A call as the heap store keeps it: where it stands, its lease, the inbox it waits on and how it
 * ended. Read and written under the store's lock.
 */
final class HeapCall {

	NewCall call;

	Phase phase = Phase.PENDING;

	/** Changes whenever the call is due at another time or ends, so that its older tickets lapse. */
	long version;

	int attempt;

	@Nullable String leaseToken;

	@Nullable Any state;

	int minResults = 1;

	int maxResults = Integer.MAX_VALUE;

	final Map<String, CallResult> inbox = new LinkedHashMap<>();

	@Nullable CallResult result;

	@Nullable DispatchStatus status;

	@Nullable Instant endedAt;

	@Nullable Instant cancelledAt;

	Instant due;

	final List<CallEvent> history = new ArrayList<>();

	@Nullable DispatchStatus lastStatus;

	@Nullable String lastErrorType;

	@Nullable String lastErrorMessage;

	HeapCall(NewCall call) {
		this.call = call;
		this.due = call.createdAt();
	}

	/** Remembers the outcome of an attempt, and its error if it failed. */
	void ended(DispatchStatus status, CallResult result) {
		this.lastStatus = status;
		if (result.hasError()) {
			this.lastErrorType = result.getError().getType();
			this.lastErrorMessage = result.getError().getMessage();
		}
	}

	enum Phase {

		PENDING, RUNNING, SUSPENDED, DONE

	}

}
