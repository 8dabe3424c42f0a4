package io.github.dispatchspring.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Records transitions with group commit: workers hand their transition over and wait, while one
 * thread writes everything that queued up during the previous write in a single
 * {@link CallStore#record} call. Under load, many calls share one transaction; when idle, a
 * transition is written at once.
 */
final class TransitionWriter implements AutoCloseable {

	private static final int MAX_BATCH = 512;

	private final CallStore store;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean running = true;

	TransitionWriter(CallStore store) {
		this.store = store;
		this.thread = new Thread(this::writeLoop, "dispatch-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Records a transition and waits until it is written.
	 * @param transition the transition
	 * @return whether the call's lease was still held
	 * @throws RuntimeException what the store threw
	 */
	boolean write(Transition transition) {
		if (!this.running) {
			throw new IllegalStateException("The scheduler is stopped");
		}
		Pending pending = new Pending(transition, new CompletableFuture<>());
		this.queue.add(pending);
		try {
			return pending.written.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	private void writeLoop() {
		List<Pending> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				batch.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				continue;
			}
			this.queue.drainTo(batch, MAX_BATCH - 1);
			try {
				List<Boolean> recorded = this.store.record(batch.stream().map(Pending::transition).toList());
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).written.complete(recorded.get(i));
				}
			}
			catch (RuntimeException ex) {
				batch.forEach((pending) -> pending.written.completeExceptionally(ex));
			}
			batch.clear();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	private record Pending(Transition transition, CompletableFuture<Boolean> written) {
	}

}
