package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A real store behind a wrapper that refuses every group write of transitions ({@link #record}) that
 * includes one given call, as a store refuses a value it cannot hold, and that can hold such a write
 * of another call until the test lets it go.
 */
final class RefusingCallStore implements CallStore {

	private final CallStore store;

	private final String refusedId;

	private final RuntimeException refusal;

	private final AtomicInteger writes = new AtomicInteger();

	private final CountDownLatch holding = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile @Nullable String heldId;

	/**
	 * Wraps a store.
	 * @param store the real store
	 * @param refusedId the call whose transitions are refused
	 * @param refusal what a write that includes one of them throws
	 */
	RefusingCallStore(CallStore store, String refusedId, RuntimeException refusal) {
		this.store = store;
		this.refusedId = refusedId;
		this.refusal = refusal;
	}

	/**
	 * Holds the next write that includes a transition of the given call until {@link #release()}.
	 * @param id the call
	 */
	void hold(String id) {
		this.heldId = id;
	}

	/**
	 * Waits until the held write has begun.
	 * @throws InterruptedException if interrupted
	 */
	void awaitHolding() throws InterruptedException {
		this.holding.await();
	}

	/** Lets the held write go on. */
	void release() {
		this.released.countDown();
	}

	/**
	 * How many writes of transitions were asked for, including refused ones.
	 * @return the number of writes
	 */
	int writes() {
		return this.writes.get();
	}

	@Override
	public Recorded record(List<Transition> transitions, int claimLimit, Duration lease) {
		check(transitions);
		return this.store.record(transitions, claimLimit, lease);
	}

	private void check(List<Transition> transitions) {
		this.writes.incrementAndGet();
		if (transitions.stream().anyMatch((transition) -> transition.call().id().equals(this.heldId))) {
			this.heldId = null;
			this.holding.countDown();
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		if (transitions.stream().anyMatch((transition) -> transition.call().id().equals(this.refusedId))) {
			throw this.refusal;
		}
	}

	@Override
	public void add(List<NewCall> calls) {
		this.store.add(calls);
	}

	@Override
	public List<ClaimedCall> claim(int limit, Duration lease) {
		return this.store.claim(limit, lease);
	}

	@Override
	public void renew(Collection<ClaimedCall> calls, Duration lease) {
		this.store.renew(calls, lease);
	}

	@Override
	public void release(Collection<ClaimedCall> calls) {
		this.store.release(calls);
	}

	@Override
	public List<Instance> heartbeat(Instance instance, Duration timeout) {
		return this.store.heartbeat(instance, timeout);
	}

	@Override
	public Map<String, CallResult> results(Collection<String> ids) {
		return this.store.results(ids);
	}

	@Override
	public int purge(Instant endedBefore, int limit) {
		return this.store.purge(endedBefore, limit);
	}

	@Override
	public boolean exists(String id) {
		return this.store.exists(id);
	}

	@Override
	public Set<String> existing(Collection<String> ids) {
		return this.store.existing(ids);
	}

	@Override
	public List<NewCall> children(String parentId) {
		return this.store.children(parentId);
	}

}
