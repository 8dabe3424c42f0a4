package io.github.dispatchspring.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.dispatchspring.DispatchId;

/**
 * What the fuzzed application answered: counts by kind of request and status code, the answers that
 * broke the rules, and the calls the Dispatch API accepted.
 */
final class FuzzReport {

	private static final int MAX_FAILURES = 50;

	private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger failureCount = new AtomicInteger();

	private final ConcurrentLinkedQueue<DispatchId> accepted = new ConcurrentLinkedQueue<>();

	private final AtomicInteger sent = new AtomicInteger();

	void answered(String kind, int status) {
		this.sent.incrementAndGet();
		this.statuses.computeIfAbsent(kind, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status, (key) -> new LongAdder())
			.increment();
	}

	void failed(String description) {
		if (this.failureCount.incrementAndGet() <= MAX_FAILURES) {
			this.failures.add(description);
		}
	}

	void accepted(List<DispatchId> ids) {
		this.accepted.addAll(ids);
	}

	int sent() {
		return this.sent.get();
	}

	List<String> failures() {
		return new ArrayList<>(this.failures);
	}

	int failureCount() {
		return this.failureCount.get();
	}

	List<DispatchId> acceptedCalls() {
		return new ArrayList<>(this.accepted);
	}

	long count(String kindPrefix, int status) {
		return this.statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(kindPrefix))
			.map((entry) -> entry.getValue().get(status))
			.filter((adder) -> adder != null)
			.mapToLong(LongAdder::sum)
			.sum();
	}

	String summary() {
		StringBuilder summary = new StringBuilder();
		new TreeMap<>(this.statuses).forEach((kind, byStatus) -> {
			summary.append(String.format("  %-40s", kind));
			new TreeMap<>(byStatus).forEach((status, count) -> summary.append(' ').append(status).append('x').append(count));
			summary.append('\n');
		});
		return summary.toString();
	}

}
