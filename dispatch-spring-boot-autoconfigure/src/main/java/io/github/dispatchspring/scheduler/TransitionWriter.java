package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Records transitions with group commit: a worker queues its transition and takes the write lock;
 * whoever holds it writes everything queued so far in a single {@link CallStore#record} call. Under
 * load, many calls share one transaction; when idle, a worker writes its own transition at once,
 * on its own thread.
 * <p>
 * A transition the store refuses does not take its batch down with it: a batch that fails is
 * written again in halves, down to single transitions, so that only the transitions that fail on
 * their own get the store's exception, once each, and the others are recorded. A failure of the
 * store itself (no connection, a transaction that cannot begin or commit, a deadlock or a timeout)
 * says nothing about any one transition and fails the whole batch at once.
 */
public final class TransitionWriter {

	private static final int MAX_BATCH = 512;

	private final CallStore store;

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock writing = new ReentrantLock();

	private final SchedulerEvents events;

	/**
	 * Creates a writer to the store.
	 * @param store the store
	 */
	public TransitionWriter(CallStore store) {
		this(store, SchedulerEvents.NONE);
	}

	/**
	 * Creates a writer to the store that tells of its commits.
	 * @param store the store
	 * @param events what hears of each commit
	 */
	public TransitionWriter(CallStore store, SchedulerEvents events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * Records a transition and returns once it is written.
	 * @param transition the transition
	 * @param handoff where the calls leased along with the write go, when this thread writes it
	 * @return whether the call's lease was still held
	 * @throws RuntimeException what the store threw
	 */
	boolean write(Transition transition, Handoff handoff) {
		Pending pending = new Pending(transition);
		this.queue.add(pending);
		while (true) {
			this.writing.lock();
			try {
				if (pending.done) {
					return pending.outcome();
				}
				writeQueued(handoff);
			}
			finally {
				this.writing.unlock();
			}
		}
	}

	private void writeQueued(Handoff target) {
		List<Pending> batch = new ArrayList<>();
		for (Pending next = this.queue.poll(); next != null; next = (batch.size() < MAX_BATCH) ? this.queue.poll() : null) {
			batch.add(next);
		}
		int reserved = target.reserve();
		CallStore.Recorded recorded;
		try {
			recorded = record(batch, reserved, target.lease());
		}
		catch (RuntimeException ex) {
			target.start(List.of(), reserved);
			isolate(batch, ex);
			return;
		}
		finish(batch, recorded.held());
		target.start(recorded.claimed(), reserved);
	}

	/**
	 * Writes the halves of a batch that failed on their own, unless the store itself failed. Halving
	 * finds one transition the store refuses among {@code n} in about {@code 2 log2(n)} writes.
	 */
	private void isolate(List<Pending> failed, RuntimeException failure) {
		if (failed.size() == 1 || ofTheStore(failure)) {
			failed.forEach((pending) -> pending.finish(false, failure));
			return;
		}
		int half = failed.size() / 2;
		writeApart(failed.subList(0, half));
		writeApart(failed.subList(half, failed.size()));
	}

	private void writeApart(List<Pending> part) {
		List<Boolean> held;
		try {
			held = record(part, 0, Duration.ZERO).held();
		}
		catch (RuntimeException ex) {
			isolate(part, ex);
			return;
		}
		finish(part, held);
	}

	private CallStore.Recorded record(List<Pending> batch, int claimLimit, Duration lease) {
		long start = System.nanoTime();
		CallStore.Recorded recorded = this.store.record(transitions(batch), claimLimit, lease);
		this.events.committed(batch.size(), Duration.ofNanos(System.nanoTime() - start));
		return recorded;
	}

	private static boolean ofTheStore(RuntimeException failure) {
		return failure instanceof TransactionException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException;
	}

	private static List<Transition> transitions(List<Pending> batch) {
		return batch.stream().map((pending) -> pending.transition).toList();
	}

	private static void finish(List<Pending> batch, List<Boolean> held) {
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).finish(held.get(i), null);
		}
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
			public Duration lease() {
				return Duration.ZERO;
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
		Duration lease();

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
