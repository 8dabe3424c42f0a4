package io.github.dispatchspring.bench.common;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the warm-up, W1, W2 and W3 against one peer and prints a result line for each run. */
public final class WorkloadSuite {

	private final WorkloadParameters parameters;
	private final TransactionMeter meter;
	private final PrintStream out;

	public WorkloadSuite(WorkloadParameters parameters, TransactionMeter meter, PrintStream out) {
		this.parameters = parameters;
		this.meter = meter;
		this.out = out;
	}

	/**
	 * Runs every workload and prints its result line. Throws once all have run if the handler ran
	 * more or fewer times than a correct system runs it in any of them, so that the lines show
	 * every count first.
	 */
	public List<Result> run(DurablePeer peer) throws Exception {
		var results = new ArrayList<Result>();
		warmUp(peer);
		for (int n : parameters.fanOutSizes()) {
			results.add(report(fanOut(peer, Workload.W1, n, null)));
		}
		results.add(report(fanOut(peer, Workload.W2, parameters.retryFanOut(), parameters)));
		results.add(report(chain(peer)));
		requireExpectedInvocations(results);
		return results;
	}

	private void warmUp(DurablePeer peer) throws Exception {
		CallHandler.reset(null);
		int n = parameters.warmUpFanOut();
		int gathered =
				Deadlines.callWithin(
						parameters.workloadTimeout(),
						"warm-up",
						() -> {
							for (int i = 0; i < parameters.chainClientThreads(); i++) {
								peer.chain(CallInputs.of(i), parameters.chainLength());
							}
							return peer.fanOut(n);
						});
		requireCount("warm-up", n, gathered);
	}

	private Result fanOut(DurablePeer peer, Workload workload, int n, WorkloadParameters failing)
			throws Exception {
		CallHandler.reset(failing);
		long xactStart = meter.start();
		long started = System.nanoTime();
		int gathered =
				Deadlines.callWithin(parameters.workloadTimeout(), workload.name(), () -> peer.fanOut(n));
		double wallMs = (System.nanoTime() - started) / 1_000_000.0;
		long invocations = CallHandler.invocations();
		long committed = meter.committedSince(xactStart);
		CallHandler.reset(null);

		requireCount(workload.name(), n, gathered);
		long expected = failing == null ? n : parameters.expectedRetryInvocations();
		return new Result(
				parameters.run(),
				peer.system(),
				peer.variant(),
				peer.durability(),
				workload,
				n,
				wallMs,
				n / (wallMs / 1_000.0),
				invocations,
				expected,
				Result.NOT_APPLICABLE,
				Result.NOT_APPLICABLE,
				perCall(committed, n));
	}

	private Result chain(DurablePeer peer) throws Exception {
		CallHandler.reset(null);
		int parents = parameters.chainParents();
		int length = parameters.chainLength();
		long[] parentNanos = new long[parents];
		ExecutorService clients = Executors.newFixedThreadPool(parameters.chainClientThreads());
		long xactStart = meter.start();
		long started = System.nanoTime();
		try {
			var pending = new ArrayList<Future<?>>(parents);
			for (int i = 0; i < parents; i++) {
				int parent = i;
				pending.add(clients.submit(() -> runChain(peer, parent, length, parentNanos)));
			}
			long deadline = started + parameters.workloadTimeout().toNanos();
			for (var future : pending) {
				future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		} catch (TimeoutException e) {
			throw new IllegalStateException(
					"W3 did not finish within " + parameters.workloadTimeout(), e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof Exception cause ? cause : e;
		} finally {
			clients.shutdownNow();
		}
		double wallMs = (System.nanoTime() - started) / 1_000_000.0;
		long invocations = CallHandler.invocations();
		long calls = (long) parents * length;
		long committed = meter.committedSince(xactStart);

		long[] stepOverheadNanos = new long[parents];
		for (int i = 0; i < parents; i++) {
			stepOverheadNanos[i] = parentNanos[i] / length;
		}
		var overhead = LatencySummary.ofNanos(stepOverheadNanos);
		return new Result(
				parameters.run(),
				peer.system(),
				peer.variant(),
				peer.durability(),
				Workload.W3,
				parents,
				wallMs,
				Result.NOT_APPLICABLE,
				invocations,
				calls,
				overhead.medianMs(),
				overhead.p99Ms(),
				perCall(committed, calls));
	}

	private static Void runChain(DurablePeer peer, int parent, int length, long[] parentNanos)
			throws Exception {
		String input = CallInputs.of(parent);
		long started = System.nanoTime();
		String last = peer.chain(input, length);
		parentNanos[parent] = System.nanoTime() - started;
		if (!input.equals(last)) {
			throw new IllegalStateException("W3 parent #" + parent + " returned a different value");
		}
		return null;
	}

	private Result report(Result result) {
		result.printTo(out);
		return result;
	}

	private static double perCall(long committed, long calls) {
		return committed < 0 ? Result.NOT_APPLICABLE : (double) committed / calls;
	}

	private static void requireExpectedInvocations(List<Result> results) {
		var mismatches =
				results.stream()
						.filter(result -> result.invocations() != result.expectedInvocations())
						.map(
								result ->
										result.workload() + " (n=" + result.n() + "): handler ran "
												+ result.invocations() + " times, expected "
												+ result.expectedInvocations())
						.toList();
		if (!mismatches.isEmpty()) {
			throw new IllegalStateException(
					"wrong invocation counts: " + String.join("; ", mismatches));
		}
	}

	private static void requireCount(String what, int expected, int gathered) {
		if (gathered != expected) {
			throw new IllegalStateException(
					what + ": parent gathered " + gathered + " results, expected " + expected);
		}
	}
}
