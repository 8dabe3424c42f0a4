package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.proto.CallResult;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The scheduler embedded in the application: leases due calls from the store in batches and runs
 * them on a bounded pool of workers. It is woken when calls are added or end, and polls the store
 * as a fallback for calls that become due by time or are added by other instances, and renews the
 * leases of calls that run long. Its claim loop is not a daemon thread, so an application without a
 * web server keeps running calls until it stops. A heartbeat on a thread of its own keeps this
 * instance registered in the store.
 * <p>
 * Stopping is graceful: the scheduler stops leasing, lets running calls finish within the shutdown
 * timeout, then hands back the leases it still holds, so that their calls are due at once for the
 * next process or another instance, and only then interrupts the calls still running, whose outcomes
 * the store then refuses.
 */
public final class EmbeddedScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EmbeddedScheduler.class);

	private static final Duration INTERRUPTED_CALLS_GRACE = Duration.ofSeconds(1);

	private final CallStore store;

	private final CallExecution execution;

	private final ResultWaiter waiter;

	private final Settings settings;

	private final Bulkhead bulkhead;

	private final WakeUp wakeUp = new WakeUp();

	private final StoreOutage outage;

	private final LeaseKeeper leases;

	private final Retention retention;

	private final InstanceHeartbeat heartbeat;

	private final CallInterrupts interrupts;

	private final WorkerHandoff handoff = new WorkerHandoff();

	private volatile boolean running;

	private volatile boolean autoStartup = true;

	private ExecutorService workers;

	private Thread loop;

	private AutoCloseable subscription;

	/**
	 * Creates the scheduler from its parts, which it starts and stops with itself.
	 * @param store the store
	 * @param execution runs a call and records its outcome
	 * @param waiter hears of the calls that end
	 * @param parts the leases, retention and heartbeat of this instance, and the store's failures
	 * @param settings how it runs
	 */
	public EmbeddedScheduler(CallStore store, CallExecution execution, ResultWaiter waiter, Parts parts,
			Settings settings) {
		this.store = store;
		this.execution = execution;
		this.waiter = waiter;
		this.settings = settings;
		this.outage = parts.outage();
		this.leases = parts.leases();
		this.retention = parts.retention();
		this.heartbeat = parts.heartbeat();
		this.interrupts = parts.interrupts();
		this.bulkhead = Bulkhead.of("dispatch-scheduler", BulkheadConfig.custom()
			.maxConcurrentCalls(settings.concurrency())
			.maxWaitDuration(Duration.ZERO)
			.build());
	}

	/** Asks the scheduler to look for due calls now. */
	public void wakeUp() {
		this.wakeUp.signal();
	}

	/**
	 * Interrupts at once the threads running calls of this scheduler that were cancelled, rather than
	 * at its next regular check.
	 */
	public void interruptCancelled() {
		this.interrupts.check();
	}

	/**
	 * Sets whether the scheduler starts with the application context; when it does not, calls run
	 * only when something else runs them, as a test kit does on its own thread.
	 * @param autoStartup whether to start with the context
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public void start() {
		AtomicInteger counter = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.settings.concurrency(), (task) -> {
			Thread thread = new Thread(task, "dispatch-worker-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeat.start();
		this.running = true;
		this.loop = new Thread(this::claimLoop, "dispatch-scheduler");
		this.loop.start();
		this.subscription = this.store.subscribe(this::wakeUp);
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUp.signal();
		try {
			this.subscription.close();
		}
		catch (Exception ex) {
			logger.debug("Closing the store subscription failed", ex);
		}
		try {
			this.loop.join(this.settings.shutdownTimeout().toMillis());
			this.workers.shutdown();
			this.workers.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.leases.releaseAll();
			interruptWorkers();
			this.heartbeat.stop();
		}
	}

	/**
	 * Interrupts the calls still running and gives them a moment to end, so that the outcomes they
	 * try to record are refused by the store rather than failing against a store already closed.
	 */
	private void interruptWorkers() {
		this.workers.shutdownNow();
		try {
			this.workers.awaitTermination(INTERRUPTED_CALLS_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * How many calls this scheduler runs now.
	 * @return the number of calls
	 */
	public int runningCalls() {
		return this.leases.held();
	}

	/**
	 * How this scheduler runs.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	private void claimLoop() {
		try {
			while (this.running) {
				int reserved = this.handoff.reserve();
				List<ClaimedCall> calls = (reserved > 0) ? claim(reserved) : List.of();
				this.handoff.start(calls, reserved);
				if (calls.isEmpty()) {
					this.wakeUp.await(this.settings.pollInterval());
				}
				this.leases.renewDue();
				this.interrupts.checkDue();
				this.retention.purgeDue();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<ClaimedCall> claim(int limit) throws InterruptedException {
		try {
			List<ClaimedCall> calls = this.store.claim(limit, this.settings.leaseDuration());
			this.outage.succeeded();
			return calls;
		}
		catch (RuntimeException ex) {
			WakeUp.sleep(this.outage.failed(ex));
			return List.of();
		}
	}

	private void startAcquired(ClaimedCall call) {
		this.leases.started(call);
		this.interrupts.claimed(call);
		try {
			this.workers.execute(() -> run(call));
		}
		catch (RejectedExecutionException ex) {
			this.interrupts.ended(call);
			this.leases.ended(call);
			this.bulkhead.onComplete();
			this.leases.release(List.of(call));
		}
	}

	private void run(ClaimedCall call) {
		try {
			CallResult result = this.execution.execute(call, this.handoff, this.interrupts);
			if (result != null) {
				this.waiter.callEnded(result);
			}
		}
		catch (DataAccessException | TransactionException ex) {
			this.outage.failed(ex);
			logger.debug("Recording the outcome of call " + call.id() + " failed; it runs again when its lease expires",
					ex);
		}
		catch (RuntimeException ex) {
			logger.warn("Running call " + call.id() + " failed; it runs again when its lease expires", ex);
		}
		finally {
			this.interrupts.ended(call);
			this.leases.ended(call);
			this.bulkhead.onComplete();
			this.wakeUp.signal();
		}
	}

	/**
	 * Reserves capacity before calls are leased, by the claim loop or by a worker along with its
	 * write, and starts the leased calls within it.
	 */
	private final class WorkerHandoff implements TransitionWriter.Handoff {

		@Override
		public int reserve() {
			if (!EmbeddedScheduler.this.running) {
				return 0;
			}
			int reserved = 0;
			while (reserved < EmbeddedScheduler.this.settings.claimBatchSize()
					&& EmbeddedScheduler.this.bulkhead.tryAcquirePermission()) {
				reserved++;
			}
			return reserved;
		}

		@Override
		public Duration lease() {
			return EmbeddedScheduler.this.settings.leaseDuration();
		}

		@Override
		public void start(List<ClaimedCall> calls, int reserved) {
			boolean running = EmbeddedScheduler.this.running;
			if (running) {
				calls.forEach(EmbeddedScheduler.this::startAcquired);
			}
			else {
				EmbeddedScheduler.this.leases.release(calls);
			}
			for (int unused = running ? calls.size() : 0; unused < reserved; unused++) {
				EmbeddedScheduler.this.bulkhead.releasePermission();
			}
		}

	}

	/**
	 * The parts that keep this instance's leases, purge ended calls and register it, built from the
	 * same {@link Settings} and sharing one view of the store's failures.
	 *
	 * @param leases renews and hands back the leases of running calls
	 * @param retention purges ended calls
	 * @param heartbeat registers this instance
	 * @param outage the store's failures
	 * @param interrupts interrupts the threads of cancelled calls
	 */
	public record Parts(LeaseKeeper leases, Retention retention, InstanceHeartbeat heartbeat, StoreOutage outage,
			CallInterrupts interrupts) {

		/**
		 * Builds the parts for the settings.
		 * @param store the store
		 * @param instances this instance and the others it knows of
		 * @param settings how the scheduler runs
		 * @param outage the store's failures, shared with the {@link CallExecution}
		 * @param clock the clock
		 * @return the parts
		 */
		public static Parts of(CallStore store, RegisteredInstances instances, Settings settings, StoreOutage outage,
				Clock clock) {
			return new Parts(new LeaseKeeper(store, settings.leaseDuration(), outage, clock),
					new Retention(store, settings.retention(), outage, clock),
					new InstanceHeartbeat(store, instances, settings.instanceTimeout(), outage), outage,
					new CallInterrupts(store, outage, clock));
		}

	}

	/**
	 * How the scheduler runs.
	 *
	 * @param concurrency the most calls running at once
	 * @param claimBatchSize the most calls leased at once
	 * @param leaseDuration how long a lease lasts
	 * @param instanceTimeout how long an instance may be silent before its calls are handed back
	 * @param pollInterval how often the store is checked when nothing woke the scheduler
	 * @param shutdownTimeout how long running calls may take to finish on shutdown
	 * @param retention how long ended calls are kept, or {@code null} for ever
	 */
	public record Settings(int concurrency, int claimBatchSize, Duration leaseDuration, Duration instanceTimeout,
			Duration pollInterval, Duration shutdownTimeout, @Nullable Duration retention) {

		/** A copy with another {@code concurrency}. @param concurrency the most calls running at once @return the copy */
		public Settings withConcurrency(int concurrency) {
			return new Settings(concurrency, this.claimBatchSize, this.leaseDuration, this.instanceTimeout,
					this.pollInterval, this.shutdownTimeout, this.retention);
		}

		/** A copy with another {@code shutdownTimeout}. @param shutdownTimeout how long calls may finish on shutdown @return the copy */
		public Settings withShutdownTimeout(Duration shutdownTimeout) {
			return new Settings(this.concurrency, this.claimBatchSize, this.leaseDuration, this.instanceTimeout,
					this.pollInterval, shutdownTimeout, this.retention);
		}

	}

}
