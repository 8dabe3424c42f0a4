package io.github.dispatchspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.durable.FirstOutcome;
import io.github.dispatchspring.proto.CallResult;

/**
 * Waits outside functions for the first of several calls to end or to succeed: each call is awaited
 * without a thread of its own, and the calls found ended together go to the lowest index. Once one
 * is chosen, the calls that have not ended are cancelled.
 */
final class FirstOfCalls {

	private final CallSubmitter submitter;

	private final Duration timeout;

	FirstOfCalls(CallSubmitter submitter, Duration timeout) {
		this.submitter = submitter;
		this.timeout = timeout;
	}

	FirstOutcome await(List<DispatchId> ids, boolean race) {
		List<CompletableFuture<List<CallResult>>> waits = new ArrayList<>(ids.size());
		for (DispatchId id : ids) {
			waits.add(this.submitter.awaitAsync(List.of(id), this.timeout));
		}
		while (true) {
			Map<Integer, CallResult> ended = new HashMap<>();
			for (int i = 0; i < waits.size(); i++) {
				if (waits.get(i).isDone()) {
					ended.put(i, ended(waits.get(i)));
				}
			}
			FirstOutcome outcome = FirstOutcome.choose(ended, ids.size(), race);
			if (outcome != null) {
				cancel(this.submitter, FirstOutcome.losers(ids, ended));
				return outcome;
			}
			CompletableFuture.anyOf(waits.stream().filter((wait) -> !wait.isDone()).toArray(CompletableFuture[]::new))
				.exceptionally((ex) -> null)
				.join();
		}
	}

	/**
	 * Cancels the calls that lost, as far as the scheduler can: a scheduler that cannot cancel them
	 * lets them run to their end.
	 * @param submitter the scheduler's submitter
	 * @param losers the calls that lost and had not ended
	 */
	static void cancel(CallSubmitter submitter, List<DispatchId> losers) {
		for (DispatchId loser : losers) {
			try {
				submitter.cancel(loser);
			}
			catch (DispatchException | UnsupportedOperationException ex) {
				// the loser runs to its end, and its result is ignored
			}
		}
	}

	private static CallResult ended(CompletableFuture<List<CallResult>> wait) {
		try {
			return wait.join().get(0);
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

}
