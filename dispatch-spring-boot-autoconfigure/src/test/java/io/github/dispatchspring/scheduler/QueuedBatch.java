package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * Writes transitions through one {@link TransitionWriter} as a single group commit: a first write is
 * held in the store until every other transition is queued behind it, each on a thread of its own.
 */
final class QueuedBatch {

	private QueuedBatch() {
	}

	/**
	 * Writes the transitions.
	 * @param store the store, holding the first write
	 * @param first the transition written first, alone
	 * @param batch the transitions then written together
	 * @return what each write of the batch came to, by call id
	 * @throws InterruptedException if interrupted
	 */
	static Map<String, Outcome> write(RefusingCallStore store, Transition first, List<Transition> batch)
			throws InterruptedException {
		TransitionWriter writer = new TransitionWriter(store);
		store.hold(first.call().id());
		Thread held = started(() -> writer.write(first, TransitionWriter.Handoff.NONE));
		store.awaitHolding();
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		List<Thread> writers = new ArrayList<>();
		for (Transition transition : batch) {
			writers.add(started(() -> {
				Outcome outcome;
				try {
					outcome = new Outcome(writer.write(transition, TransitionWriter.Handoff.NONE), null);
				}
				catch (RuntimeException ex) {
					outcome = new Outcome(null, ex);
				}
				synchronized (outcomes) {
					outcomes.put(transition.call().id(), outcome);
				}
			}));
		}
		await("all writes queued behind the held one").atMost(Duration.ofSeconds(30))
			.until(() -> writers.stream().allMatch((thread) -> thread.getState() == Thread.State.WAITING));
		store.release();
		held.join();
		for (Thread thread : writers) {
			thread.join();
		}
		return outcomes;
	}

	private static Thread started(Runnable write) {
		Thread thread = new Thread(write);
		thread.start();
		return thread;
	}

	/**
	 * What a write came to.
	 *
	 * @param held whether the lease was held, if it was written
	 * @param failure what it threw, if it failed
	 */
	record Outcome(@Nullable Boolean held, @Nullable RuntimeException failure) {
	}

}
