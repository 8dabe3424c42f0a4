package io.github.dispatchspring.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records transitions with group commit: a worker queues its transition and takes the write lock;
 * whoever holds it writes everything queued so far in a single {@link CallStore#record} call. Under
 * load, many calls share one transaction; when idle, a worker writes its own transition at once,
 * on its own thread.
 */
final class TransitionWriter {

	private static final int MAX_BATCH = 512;

	private final CallStore store;

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock writing = new ReentrantLock();

	TransitionWriter(CallStore store) {
		this.store = store;
	}

	/**
	 * Records a transition and returns once it is written.
	 * @param transition the transition
	 * @return whether the call's lease was still held
	 * @throws RuntimeException what the store threw
	 */
	boolean write(Transition transition) {
		Pending pending = new Pending(transition);
		this.queue.add(pending);
		while (true) {
			this.writing.lock();
			try {
				if (pending.done) {
					return pending.outcome();
				}
				writeQueued();
			}
			finally {
				this.writing.unlock();
			}
		}
	}

	private void writeQueued() {
		List<Pending> batch = new ArrayList<>();
		for (Pending next = this.queue.poll(); next != null; next = (batch.size() < MAX_BATCH) ? this.queue.poll() : null) {
			batch.add(next);
		}
		try {
			List<Boolean> recorded = this.store.record(batch.stream().map((pending) -> pending.transition).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).finish(recorded.get(i), null);
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.finish(false, ex));
		}
	}

	/** A transition waiting to be written; read and written under the write lock. */
	private static final class Pending {

		private final Transition transition;

		private boolean done;

		private boolean held;

		private RuntimeException failure;

		Pending(Transition transition) {
			this.transition = transition;
		}

		void finish(boolean held, RuntimeException failure) {
			this.held = held;
			this.failure = failure;
			this.done = true;
		}

		boolean outcome() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.held;
		}

	}

}
