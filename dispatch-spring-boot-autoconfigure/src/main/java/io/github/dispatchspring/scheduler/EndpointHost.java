package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The protection of one endpoint host ({@code scheme://host:port}): its circuit breaker and its
 * adaptive concurrency limit, each present when enabled. A call the host does not take now is
 * deferred: while the breaker is open, until it lets a probe through; over the limit, after waiting
 * for a slot on its worker for a while, for about as long again.
 */
public final class EndpointHost {

	private final String host;

	private final @Nullable EndpointCircuit circuit;

	private final @Nullable EndpointConcurrency concurrency;

	private final Duration maxWait;

	private final Clock clock;

	private final AtomicLong deferredByCircuit = new AtomicLong();

	private final AtomicLong deferredByLimit = new AtomicLong();

	EndpointHost(String host, EndpointProtection.Settings settings, Clock clock) {
		this.host = host;
		EndpointProtection.CircuitBreakerSettings breaker = settings.circuitBreaker();
		EndpointProtection.ConcurrencySettings limit = settings.concurrency();
		this.circuit = (breaker != null) ? new EndpointCircuit(host, breaker, clock) : null;
		this.concurrency = (limit != null)
				? new EndpointConcurrency(host, new AimdLimit(limit.initial(), limit.min(), limit.max())) : null;
		this.maxWait = settings.maxWait();
		this.clock = clock;
	}

	/**
	 * The host.
	 * @return {@code scheme://host:port}
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The state of the host's circuit breaker.
	 * @return {@code CLOSED}, {@code HALF_OPEN} or {@code OPEN}, or {@code null} without a breaker
	 */
	public @Nullable String circuitState() {
		return (this.circuit != null) ? this.circuit.state().name() : null;
	}

	/**
	 * The host's concurrency limit now.
	 * @return the most calls sent to it at once, or {@code null} without a limit
	 */
	public @Nullable Integer concurrencyLimit() {
		return (this.concurrency != null) ? this.concurrency.limit() : null;
	}

	/**
	 * The calls running at the host now, counted when it has a concurrency limit.
	 * @return how many, or {@code null} without a limit
	 */
	public @Nullable Integer runningCalls() {
		return (this.concurrency != null) ? this.concurrency.running() : null;
	}

	/**
	 * The calls deferred so far because the host's circuit breaker did not let them through.
	 * @return how many
	 */
	public long deferredByCircuitBreaker() {
		return this.deferredByCircuit.get();
	}

	/**
	 * The calls deferred so far because the host's concurrency limit was reached.
	 * @return how many
	 */
	public long deferredByConcurrencyLimit() {
		return this.deferredByLimit.get();
	}

	/**
	 * Lets a call go to the host, or defers it.
	 * @return the permit to give back with the call's outcome
	 * @throws CallDeferredException if the host does not take the call now
	 */
	EndpointPermit admit() {
		if (this.circuit != null && !this.circuit.tryAcquire()) {
			this.deferredByCircuit.incrementAndGet();
			Instant reopensAt = this.circuit.reopensAt();
			Instant now = this.clock.instant();
			throw new CallDeferredException(jittered((reopensAt != null && reopensAt.isAfter(now)) ? reopensAt : now),
					"the circuit breaker of calls to " + this.host + " is " + this.circuit.state());
		}
		EndpointConcurrency.Slot slot = null;
		if (this.concurrency != null) {
			slot = slot(this.concurrency);
			if (slot == null) {
				if (this.circuit != null) {
					this.circuit.release();
				}
				this.deferredByLimit.incrementAndGet();
				throw new CallDeferredException(jittered(this.clock.instant()),
						"the concurrency limit of calls to " + this.host + " is reached");
			}
		}
		return new EndpointPermit(this, slot, System.nanoTime());
	}

	private EndpointConcurrency.@Nullable Slot slot(EndpointConcurrency concurrency) {
		try {
			return concurrency.acquire(this.maxWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** A time between the given one and the wait for a slot later, so that deferred calls come back spread out. */
	private Instant jittered(Instant at) {
		long spread = this.maxWait.toMillis();
		return at.plusMillis(spread + ((spread > 0) ? ThreadLocalRandom.current().nextLong(spread) : 0));
	}

	/**
	 * Records the outcome of a call this host took and frees its place.
	 * @param permit the call's permit
	 * @param outcome what the exchange said of the endpoint
	 */
	void finish(EndpointPermit permit, EndpointOutcome outcome) {
		if (this.circuit != null) {
			if (outcome == EndpointOutcome.NOT_SENT) {
				this.circuit.release();
			}
			else {
				this.circuit.record(outcome.failed(), System.nanoTime() - permit.startedAt());
			}
		}
		if (this.concurrency != null && permit.slot() != null) {
			this.concurrency.release(permit.slot(), outcome.signal());
		}
	}

}
