package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A signal that there may be work: raised by any thread, awaited by one, never lost between the two.
 */
final class WakeUp {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition raised = this.lock.newCondition();

	private boolean pending;

	void signal() {
		this.lock.lock();
		try {
			this.pending = true;
			this.raised.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	void await(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!this.pending && nanos > 0) {
				nanos = this.raised.awaitNanos(nanos);
			}
			this.pending = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	static void sleep(Duration duration) throws InterruptedException {
		TimeUnit.NANOSECONDS.sleep(duration.toNanos());
	}

}
