package io.github.dispatchspring.durability.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * The functions of the chaos run. Call {@code i} behaves by {@code i % 100}: 0 fails for good (1%),
 * 1 and 2 outlast their run timeout on their first attempt (2%), 10 to 39 fail with an I/O error on
 * their first two attempts (30%), and the others succeed at once. Each invocation is counted, and an
 * invocation of a call that already succeeded or failed for good is counted as a rerun.
 */
@Component
public class ChaosCalls {

	/** Calls in one group, gathered by one parent. */
	public static final int GROUP_SIZE = 10;

	private final DispatchClient client;

	private final Map<Integer, AtomicInteger> invocations = new ConcurrentHashMap<>();

	private final Map<Integer, Boolean> ended = new ConcurrentHashMap<>();

	private final AtomicInteger reruns = new AtomicInteger();

	private final AtomicInteger interrupted = new AtomicInteger();

	public ChaosCalls(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public String chaosGroup(int group) {
		List<Integer> inputs = new ArrayList<>(GROUP_SIZE);
		for (int i = 0; i < GROUP_SIZE; i++) {
			inputs.add(group * GROUP_SIZE + i);
		}
		try {
			this.client.gather("chaosCall", inputs, String.class);
			return "ok";
		}
		catch (CallFailedException ex) {
			return "failed " + ex.getFailures()
				.stream()
				.map((failure) -> failure.index() + ":" + failure.status() + ":" + failure.errorType())
				.toList();
		}
	}

	@DispatchFunction
	public String chaosCall(int i) throws IOException, InterruptedException {
		if (this.ended.containsKey(i)) {
			this.reruns.incrementAndGet();
		}
		int invocation = this.invocations.computeIfAbsent(i, (key) -> new AtomicInteger()).incrementAndGet();
		int kind = i % 100;
		if (kind == 0) {
			this.ended.put(i, false);
			throw new IllegalStateException("call " + i + " fails for good");
		}
		if ((kind == 1 || kind == 2) && invocation == 1) {
			try {
				Thread.sleep(Duration.ofMinutes(10).toMillis());
			}
			catch (InterruptedException ex) {
				this.interrupted.incrementAndGet();
				throw ex;
			}
		}
		if (kind >= 10 && kind < 40 && invocation <= 2) {
			throw new IOException("call " + i + " fails for now");
		}
		this.ended.put(i, true);
		return "done " + i;
	}

	int invocations() {
		return this.invocations.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	long ended() {
		return this.ended.size();
	}

	long succeeded() {
		return this.ended.values().stream().filter((succeeded) -> succeeded).count();
	}

	int reruns() {
		return this.reruns.get();
	}

	int interrupted() {
		return this.interrupted.get();
	}

}
