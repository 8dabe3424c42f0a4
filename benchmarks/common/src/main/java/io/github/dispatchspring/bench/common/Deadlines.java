package io.github.dispatchspring.bench.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs blocking calls with an upper bound on their time. */
public final class Deadlines {

	private Deadlines() {}

	public static <T> T callWithin(Duration limit, String what, Callable<T> call) throws Exception {
		var executor =
				Executors.newSingleThreadExecutor(
						runnable -> {
							var thread = new Thread(runnable, "bench-" + what);
							thread.setDaemon(true);
							return thread;
						});
		try {
			return executor.submit(call).get(limit.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			throw new IllegalStateException(what + " did not finish within " + limit, e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof Exception cause ? cause : e;
		} finally {
			executor.shutdownNow();
		}
	}
}
