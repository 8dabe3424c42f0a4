package io.github.dispatchspring.durability.gather;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use seen by sampling every 10 ms, garbage included.
 */
final class HeapPeak implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peak = new AtomicLong();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "heap-peak");
		thread.setDaemon(true);
		return thread;
	});

	HeapPeak() {
		this.sampler.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
	}

	private void sample() {
		this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
	}

	long mebibytes() {
		sample();
		return this.peak.get() / (1024 * 1024);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
