package io.github.dispatchspring.test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link CallSubmitter} under the test kit: a wait for results outside functions
 * (an {@code await}, or a {@code gather} in a controller or a runner) first runs the calls on the
 * waiting thread until none is due, and fails at once if its calls have still not ended, instead of
 * waiting for a scheduler that does not run.
 */
final class ForegroundCallSubmitter implements CallSubmitter {

	private final CallSubmitter submitter;

	private final ObjectProvider<DispatchTestKit> kit;

	ForegroundCallSubmitter(CallSubmitter submitter, ObjectProvider<DispatchTestKit> kit) {
		this.submitter = submitter;
		this.kit = kit;
	}

	@Override
	public List<DispatchId> submit(List<Call> calls, @Nullable CallOrigin origin) {
		return this.submitter.submit(calls, origin);
	}

	@Override
	public DispatchId submitOnce(Call call, String idempotencyKey) {
		return this.submitter.submitOnce(call, idempotencyKey);
	}

	@Override
	public List<CallResult> await(List<DispatchId> ids, Duration timeout) {
		runUntilEnded(ids);
		return this.submitter.await(ids, timeout);
	}

	@Override
	public CompletableFuture<List<CallResult>> awaitAsync(List<DispatchId> ids, Duration timeout) {
		try {
			runUntilEnded(ids);
		}
		catch (DispatchException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.submitter.awaitAsync(ids, timeout);
	}

	private void runUntilEnded(List<DispatchId> ids) {
		this.kit.getObject().runUntilIdle();
		for (DispatchId id : ids) {
			CallStatus status = this.submitter.status(id);
			if (status.state() != CallStatus.State.DONE) {
				throw new DispatchException(DispatchStatus.TIMEOUT, "Call " + id + " of " + status.function()
						+ " has not ended and the test kit has no call left to run: it is " + status.state());
			}
		}
	}

	@Override
	public CallStatus status(DispatchId id) {
		return this.submitter.status(id);
	}

	@Override
	public Cancellation cancel(DispatchId id) {
		return this.submitter.cancel(id);
	}

	@Override
	public Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		return this.submitter.outcomes(ids);
	}

}
