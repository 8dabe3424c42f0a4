package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of one in-process run: when it passes, the thread running the function is
 * interrupted, so that blocking I/O, sleeps and waits end with an exception. Once the run has ended,
 * the thread is never interrupted by it, and an interrupt it caused is cleared.
 */
final class RunDeadline implements AutoCloseable {

	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "dispatch-run-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	private final Thread runner;

	private final ScheduledFuture<?> interruption;

	private boolean ended;

	private boolean passed;

	private RunDeadline(Duration timeout) {
		this.runner = Thread.currentThread();
		this.interruption = TIMER.schedule(this::pass, Math.max(timeout.toNanos(), 1), TimeUnit.NANOSECONDS);
	}

	/**
	 * Starts the time limit of a run on the current thread.
	 * @param timeout how long the run may take
	 * @return the deadline, to close when the run ends
	 */
	static RunDeadline start(Duration timeout) {
		return new RunDeadline(timeout);
	}

	private synchronized void pass() {
		if (!this.ended) {
			this.passed = true;
			this.runner.interrupt();
		}
	}

	/**
	 * Whether the time limit passed before the run ended.
	 * @return {@code true} if the run was interrupted for taking too long
	 */
	synchronized boolean passed() {
		return this.passed;
	}

	@Override
	public void close() {
		this.interruption.cancel(false);
		synchronized (this) {
			this.ended = true;
			if (this.passed) {
				Thread.interrupted();
			}
		}
	}

}
