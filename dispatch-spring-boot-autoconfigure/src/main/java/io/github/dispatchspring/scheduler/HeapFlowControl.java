package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The {@link FlowControl} of the heap store: picks, among the due calls, those a claim leases, step by
 * step, counting the running calls of limited functions among the store's calls and remembering the
 * starts of rate-limited ones. Read and written under the store's lock.
 */
final class HeapFlowControl {

	private final FlowControl flow;

	private final Collection<HeapCall> calls;

	private final RecentStarts recentStarts = new RecentStarts();

	HeapFlowControl(FlowControl flow, Collection<HeapCall> calls) {
		this.flow = flow;
		this.calls = calls;
	}

	/**
	 * Whether claims go by the steps of the flow control rather than by due time alone.
	 * @return {@code true} if some function has a limit or a priority of its own
	 */
	boolean active() {
		return this.flow.active();
	}

	/**
	 * Takes out of the due calls those to lease now, in the order of the steps, and records their
	 * starts.
	 * @param due the due calls, in the order they became due; those left are held back
	 * @param limit the most calls to lease
	 * @param now the time
	 * @return the calls to lease
	 */
	List<HeapCall> take(List<HeapCall> due, int limit, Instant now) {
		List<HeapCall> taken = new ArrayList<>();
		for (FlowControl.Step step : this.flow.steps()) {
			if (taken.size() >= limit) {
				break;
			}
			int allowed = limit - taken.size();
			if (step instanceof FlowControl.Limited limited) {
				allowed = Math.min(allowed, allowance(limited, now));
			}
			int started = 0;
			for (Iterator<HeapCall> candidates = due.iterator(); started < allowed && candidates.hasNext();) {
				HeapCall entry = candidates.next();
				if (step.includes(entry.call.function())) {
					candidates.remove();
					taken.add(entry);
					started++;
				}
			}
			if (step instanceof FlowControl.Limited limited && limited.rateLimit() != null) {
				this.recentStarts.started(limited.function(), now, started);
			}
		}
		return taken;
	}

	private int allowance(FlowControl.Limited limited, Instant now) {
		long running = (limited.concurrency() > 0) ? this.calls.stream()
			.filter((entry) -> entry.phase == HeapCall.Phase.RUNNING && entry.due.isAfter(now)
					&& entry.call.function().equals(limited.function()))
			.count() : 0;
		FunctionPolicy.RateLimit rateLimit = limited.rateLimit();
		int recentStarts = (rateLimit != null) ? this.recentStarts.count(limited.function(), now, rateLimit.period())
				: 0;
		return limited.allowance(running, recentStarts);
	}

}
