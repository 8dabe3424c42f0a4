package io.github.dispatchspring.durability.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.SchedulerEvents;

import org.springframework.stereotype.Component;

/**
 * Counts the attempts of the chaos run's calls by the status they ended with, as the scheduler tells
 * them.
 */
@Component
public class ChaosAttempts implements SchedulerEvents {

	private final Map<DispatchStatus, AtomicInteger> byStatus = new ConcurrentHashMap<>();

	@Override
	public void attempted(ClaimedCall call, Instant startedAt, Duration took, DispatchStatus status) {
		if (call.call().function().equals("chaosCall")) {
			this.byStatus.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
		}
	}

	Map<DispatchStatus, Integer> byStatus() {
		Map<DispatchStatus, Integer> counts = new TreeMap<>();
		this.byStatus.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

}
