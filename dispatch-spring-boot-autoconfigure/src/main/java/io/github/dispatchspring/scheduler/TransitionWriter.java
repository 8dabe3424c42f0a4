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

	private volatile Handoff handoff = Handoff.NONE;

	TransitionWriter(CallStore store) {
		this.store = store;
	}

	void handOffTo(Handoff handoff) {
		this.handoff = handoff;
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
		Handoff target = this.handoff;
		int reserved = target.reserve();
		CallStore.Recorded recorded;
		try {
			recorded = this.store.recordAndClaim(batch.stream().map((pending) -> pending.transition).toList(), reserved,
					target.lease());
		}
		catch (RuntimeException ex) {
			target.start(List.of(), reserved);
			batch.forEach((pending) -> pending.finish(false, ex));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).finish(recorded.held().get(i), null);
		}
		target.start(recorded.claimed(), reserved);
	}

	/**
	 * Where the calls leased along with a write go: capacity reserved before the write, calls started
	 * after it.
	 */
	interface Handoff {

		/** Leases nothing along with writes. */
		Handoff NONE = new Handoff() {

			@Override
			public int reserve() {
				return 0;
			}

			@Override
			public java.time.Duration lease() {
				return java.time.Duration.ZERO;
			}

			@Override
			public void start(List<ClaimedCall> calls, int reserved) {
			}

		};

		/**
		 * Reserves capacity for calls to lease.
		 * @return how many calls may be leased
		 */
		int reserve();

		/**
		 * How long the leases last.
		 * @return the lease duration
		 */
		java.time.Duration lease();

		/**
		 * Starts the leased calls and frees the capacity left unused.
		 * @param calls the leased calls, at most the reserved number
		 * @param reserved the capacity reserved
		 */
		void start(List<ClaimedCall> calls, int reserved);

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
