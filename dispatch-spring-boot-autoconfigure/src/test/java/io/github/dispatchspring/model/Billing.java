package io.github.dispatchspring.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Functions whose results have generic types, and functions that try what only callers outside
 * functions may do.
 */
public class Billing {

	private final Map<String, CountDownLatch> holds = new java.util.concurrent.ConcurrentHashMap<>();

	final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

	final Map<String, Integer> runs = new java.util.concurrent.ConcurrentHashMap<>();

	private final DispatchClient client;

	public Billing(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public List<Invoice> invoices(String customer) {
		return List.of(new Invoice(customer, new BigDecimal("10.50")), new Invoice(customer, new BigDecimal("2.25")));
	}

	@DispatchFunction
	public Map<String, Total> totals(List<String> customers) {
		Map<String, Total> totals = new LinkedHashMap<>();
		List<List<Invoice>> invoices = this.client.function(Billing::invoices).gather(customers);
		for (int i = 0; i < customers.size(); i++) {
			BigDecimal sum = invoices.get(i).stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			totals.put(customers.get(i), new Total(sum, invoices.get(i).size()));
		}
		return totals;
	}

	@DispatchFunction
	public String held(String text) throws InterruptedException {
		hold(text).await(1, TimeUnit.MINUTES);
		return text;
	}

	void release(String text) {
		hold(text).countDown();
	}

	private CountDownLatch hold(String text) {
		return this.holds.computeIfAbsent(text, (key) -> new CountDownLatch(1));
	}

	@DispatchFunction
	public String awaitsAsyncInside(String id) {
		try {
			this.client.awaitAsync(DispatchId.of(id), String.class, java.time.Duration.ofSeconds(1));
			return "allowed";
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	@DispatchFunction
	public String gathersAsyncInside(String text) {
		try {
			this.client.gatherAsync("held", List.of(text), new ParameterizedTypeReference<String>() {
			});
			return "allowed";
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	@DispatchFunction
	public String flaky(String key) throws java.io.IOException {
		if (this.failures.merge(key, 1, Integer::sum) <= 2) {
			throw new java.io.IOException("storage unavailable for " + key);
		}
		return key;
	}

	@DispatchFunction
	public String rejects(String text) {
		if (text.startsWith("bad")) {
			throw new IllegalArgumentException("cannot take " + text);
		}
		return text;
	}

	@DispatchFunction
	public List<String> failuresSeenInside(List<String> texts) {
		try {
			this.client.gather("rejects", texts, String.class);
			return List.of();
		}
		catch (CallFailedException ex) {
			return ex.getFailures().stream().map((failure) -> failure.index() + ":" + failure.status()).toList();
		}
	}

	@DispatchFunction
	public List<String> naps(String key) {
		List<String> before = this.client.gather("rejects", List.of(key + "-before"), String.class);
		this.runs.merge("naps:" + key, 1, Integer::sum);
		this.client.sleep(java.time.Duration.ofSeconds(1));
		this.runs.merge("woke:" + key, 1, Integer::sum);
		List<String> after = this.client.gather("rejects", List.of(key + "-after"), String.class);
		return List.of(before.get(0), after.get(0));
	}

	@DispatchFunction
	public String delayed(Delay delay) throws InterruptedException {
		this.runs.merge("started:" + delay.name(), 1, Integer::sum);
		try {
			Thread.sleep(delay.millis());
		}
		catch (InterruptedException ex) {
			this.runs.merge("interrupted:" + delay.name(), 1, Integer::sum);
			throw ex;
		}
		this.runs.merge("delayed:" + delay.name(), 1, Integer::sum);
		if (delay.fails()) {
			throw new IllegalArgumentException(delay.name() + " failed");
		}
		return delay.name();
	}

	@DispatchFunction
	public List<String> firstInside(List<Delay> delays) {
		String any = this.client.any("delayed", delays, String.class);
		String race;
		try {
			race = this.client.race("delayed", delays, String.class);
		}
		catch (CallFailedException ex) {
			race = "failed at " + ex.getFailures().get(0).index();
		}
		List<String> after = this.client.gather("rejects", List.of(any), String.class);
		return List.of(any, race, after.get(0));
	}

	@DispatchFunction
	public String dispatchesWithAKeyInside(String key) {
		try {
			this.client.dispatch("rejects", key, DispatchOptions.idempotencyKey(key));
			return "allowed";
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	public record Delay(String name, long millis, boolean fails) {
	}

	public record Invoice(String customer, BigDecimal amount) {
	}

	public record Total(BigDecimal sum, int count) {
	}

}
