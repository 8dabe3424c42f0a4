package io.github.dispatchspring.cancel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

/**
 * Functions that sleep until they are interrupted, and record who started, who was interrupted and
 * which calls they ran for.
 */
public class Sleepers {

	/** Longer than any test waits: a sleeper ends only when it is interrupted. */
	static final Duration LONG = Duration.ofMinutes(10);

	/** The start of the key of a sleeper that returns once another started. */
	static final String AFTER = "after:";

	final Set<String> started = ConcurrentHashMap.newKeySet();

	final Set<String> interrupted = ConcurrentHashMap.newKeySet();

	final Map<String, String> ids = new ConcurrentHashMap<>();

	private final DispatchClient client;

	public Sleepers(DispatchClient client) {
		this.client = client;
	}

	/**
	 * Sleeps until interrupted; with a key ending in {@code -quick} it returns at once, and with a key
	 * {@code after:<other>} it returns once the sleeper {@code <other>} started.
	 * @param key what it records
	 * @param call the call it runs for
	 * @return the key
	 * @throws InterruptedException when the call is cancelled
	 */
	@DispatchFunction
	public String sleeper(String key, DispatchCall call) throws InterruptedException {
		this.ids.put(key, call.id().value());
		this.started.add(key);
		if (key.endsWith("-quick")) {
			return key;
		}
		if (key.startsWith(AFTER)) {
			long deadline = System.nanoTime() + LONG.toNanos();
			while (!this.started.contains(key.substring(AFTER.length())) && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			return key;
		}
		try {
			Thread.sleep(LONG.toMillis());
		}
		catch (InterruptedException ex) {
			this.interrupted.add(key);
			throw ex;
		}
		return key;
	}

	/**
	 * Gathers a sleeper per index.
	 * @param fanOut the key and the number of calls
	 * @return the results
	 */
	@DispatchFunction
	public List<String> fanOut(FanOut fanOut) {
		return this.client.gather("sleeper",
				IntStream.range(0, fanOut.size()).mapToObj((i) -> fanOut.key() + "-" + i).toList(), String.class);
	}

	/**
	 * Gathers sleepers and tells how the gather failed.
	 * @param keys the sleepers' keys
	 * @return the failure: the index, whether it was cancelled, its error type and status
	 */
	@DispatchFunction
	public String gathersSleepers(List<String> keys) {
		try {
			return "succeeded with " + this.client.gather("sleeper", keys, String.class);
		}
		catch (CallFailedException ex) {
			CallFailedException.Failure failure = ex.getFailures().get(0);
			return failure.index() + " " + ex.isCancelled() + " " + failure.errorType() + " " + failure.status();
		}
	}

	/**
	 * Races sleepers and returns the winner.
	 * @param keys the sleepers' keys
	 * @return the first result
	 */
	@DispatchFunction
	public String racesSleepers(List<String> keys) {
		return this.client.race("sleeper", keys, String.class);
	}

	/**
	 * A key and a number of calls.
	 *
	 * @param key the key
	 * @param size the number of calls
	 */
	public record FanOut(String key, int size) {
	}

}
