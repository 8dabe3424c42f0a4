package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews this instance's registration in the store on a thread of its own, three times per
 * instance timeout, so that neither a busy claim loop nor long calls make a live instance look
 * silent. Each heartbeat also hands back the calls of instances silent for longer than the timeout.
 */
public final class InstanceHeartbeat {

	private final CallStore store;

	private final RegisteredInstances instances;

	private final Duration timeout;

	private final StoreOutage outage;

	private ScheduledExecutorService thread;

	private static final Duration MINIMUM_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * Creates the heartbeat.
	 * @param store the store
	 * @param instances this instance and the others it knows of
	 * @param timeout how long an instance may be silent before its calls are handed back, at least a second
	 * @param outage the store's failures, as the scheduler sees them
	 */
	public InstanceHeartbeat(CallStore store, RegisteredInstances instances, Duration timeout, StoreOutage outage) {
		if (timeout.compareTo(MINIMUM_TIMEOUT) < 0) {
			throw new IllegalArgumentException("dispatch.scheduler.instance-timeout is " + timeout + ": set it to at "
					+ "least 1s. The calls of an instance silent for that long run again on another one, so a "
					+ "shorter timeout takes calls from instances that are merely slow");
		}
		this.store = store;
		this.instances = instances;
		this.timeout = timeout;
		this.outage = outage;
	}

	/** Registers this instance at once, before it leases anything, then keeps renewing it. */
	void start() {
		beat();
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dispatch-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.timeout.toMillis() / 3);
		this.thread.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
	}

	/** Stops renewing, letting a heartbeat under way finish. */
	void stop() {
		this.thread.shutdown();
		try {
			this.thread.awaitTermination(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void beat() {
		try {
			this.instances.heard(this.store.heartbeat(this.instances.self(), this.timeout));
			this.outage.succeeded();
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
		}
	}

}
