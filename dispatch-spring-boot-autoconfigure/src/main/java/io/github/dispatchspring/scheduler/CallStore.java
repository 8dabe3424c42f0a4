package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.proto.CallResult;

/**
 * Durable state of the scheduler: the calls, their leases, due times, suspended coroutine states,
 * the inboxes of suspended calls and the results. Every write is atomic; a transition of a call
 * whose lease is no longer held is ignored and reported as {@code false}.
 */
public interface CallStore {

	/**
	 * Adds calls, all or none. A call whose id the store holds already, or that comes again in the
	 * list, is left out: the first call added with an id is kept, with its progress, so that a
	 * retried run of a function adding the same calls does not start them twice.
	 * @param calls the calls, with ids of at most 64 characters
	 */
	void add(List<NewCall> calls);

	/**
	 * Leases due calls: pending calls whose due time has come, suspended calls whose inbox reached the
	 * poll's minimum or whose wait ended, and leased calls whose lease expired, in the order they
	 * became due.
	 * <p>
	 * A store built with a {@link FlowControl} leases the calls of functions of higher priority first,
	 * and holds back the calls of a function beyond its limits: while as many of its calls are leased,
	 * with leases that have not expired, as its concurrency, and while as many of its calls were leased
	 * within the period of its rate limit as that limit, its due calls stay due, are not attempts, and
	 * are leased by a later claim once the limits allow. A store shared by several instances holds
	 * the limits across all of them.
	 * @param limit the most calls to lease
	 * @param lease how long the lease lasts
	 * @return the leased calls
	 */
	List<ClaimedCall> claim(int limit, Duration lease);

	/**
	 * Extends the leases of calls that are still running, so that a call running longer than a lease
	 * is not claimed again. Calls whose lease is no longer held are left alone.
	 * @param calls the leased calls
	 * @param lease how long the leases last from now
	 */
	void renew(Collection<ClaimedCall> calls, Duration lease);

	/**
	 * Which of the given leased calls were cancelled while they ran, and still run under these
	 * leases: their threads are interrupted. A store without cancellation finds none.
	 * @param calls the leased calls
	 * @return the dispatch ids of the cancelled ones
	 */
	default Set<String> cancelled(Collection<ClaimedCall> calls) {
		return Set.of();
	}

	/**
	 * Hands back the leases of calls this instance will not finish, as it stops: the calls are due
	 * at once, for an attempt that counts as the one it interrupts. Calls whose lease is no longer held
	 * are left alone, and a worker still running a released call cannot record its outcome.
	 * @param calls the leased calls
	 */
	void release(Collection<ClaimedCall> calls);

	/**
	 * Records that this instance is alive and what it serves, and hands back the calls leased by
	 * instances silent for longer than the timeout, so that they run again without waiting for their
	 * leases to expire. Called by one thread of the instance at a time; a store of a single process
	 * need not register anything.
	 * @param instance this instance
	 * @param timeout how long an instance may be silent before its calls are handed back
	 * @return the instances registered in the store, this one included
	 */
	default List<Instance> heartbeat(Instance instance, Duration timeout) {
		return List.of(instance);
	}

	/**
	 * The instances registered in the store, as it holds them now; a store of a single process
	 * registers none.
	 * @return the instances
	 */
	default List<Instance> instances() {
		return List.of();
	}

	/**
	 * Records transitions, then leases up to {@code claimLimit} due calls as {@link #claim} does, in
	 * one write where the store can: the calls a suspension started or a completion made due are
	 * handed to the writing worker without a claim of their own. A transition whose lease is no longer
	 * held changes nothing and does not affect the others.
	 * @param transitions the transitions, of distinct calls
	 * @param claimLimit the most calls to lease, 0 for none
	 * @param lease how long the leases last
	 * @return what was recorded and what was leased
	 */
	Recorded record(List<Transition> transitions, int claimLimit, Duration lease);

	/**
	 * What {@link #record} did.
	 *
	 * @param held for each transition, whether its lease was still held
	 * @param claimed the calls leased
	 */
	record Recorded(List<Boolean> held, List<ClaimedCall> claimed) {
	}

	/**
	 * The results of the given calls that have ended.
	 * @param ids dispatch ids
	 * @return results by dispatch id, for the ended calls only
	 */
	Map<String, CallResult> results(Collection<String> ids);

	/**
	 * Deletes calls that ended before the given time, with their results, oldest first. A call whose
	 * parent has not ended is kept, so that the parent can still read its result back when it
	 * replays.
	 * @param endedBefore the cutoff
	 * @param limit the most calls to delete
	 * @return how many were deleted
	 */
	int purge(Instant endedBefore, int limit);

	/**
	 * Whether a call with this id was accepted and not purged since.
	 * @param id the dispatch id
	 * @return {@code true} if known
	 */
	boolean exists(String id);

	/**
	 * Which of the given calls were accepted and not purged since.
	 * @param ids dispatch ids
	 * @return the known ids
	 */
	default Set<String> existing(Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		for (String id : ids) {
			if (exists(id)) {
				existing.add(id);
			}
		}
		return existing;
	}

	/**
	 * The calls a call made, by a poll or a batch, that were not purged.
	 * @param parentId the dispatch id of the parent
	 * @return the calls, in no particular order
	 */
	List<NewCall> children(String parentId);

	/**
	 * Calls the given action when calls may have become due through another instance. Stores of a
	 * single instance need not do anything: the scheduler wakes itself for its own work.
	 * @param onDue what to call
	 * @return stops the subscription
	 */
	default AutoCloseable subscribe(Runnable onDue) {
		return () -> {
		};
	}

}
