package io.github.dispatchspring.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Step;
import org.jspecify.annotations.Nullable;

/**
 * The run of a function call on the current thread: each gather and batch takes the next sequence
 * number and finds in the journal what it produced in an earlier run, so that a function replayed
 * from the top neither dispatches again nor waits again.
 */
public final class DurableExecution {

	private static final ThreadLocal<DurableExecution> current = new ThreadLocal<>();

	private final String dispatchId;

	private final String rootDispatchId;

	private final ReplayJournal journal;

	private int sequence;

	public DurableExecution(String dispatchId, String rootDispatchId, ReplayJournal journal) {
		this.dispatchId = dispatchId;
		this.rootDispatchId = rootDispatchId;
		this.journal = journal;
	}

	/**
	 * The execution running on this thread.
	 * @return the execution, or {@code null} outside functions
	 */
	public static @Nullable DurableExecution current() {
		return current.get();
	}

	/**
	 * Runs the given code as this execution.
	 * @param body the function's invocation
	 * @param <T> the result type
	 * @return what the body returned
	 */
	public <T> T run(java.util.function.Supplier<T> body) {
		DurableExecution outer = current.get();
		current.set(this);
		try {
			return body.get();
		}
		finally {
			if (outer != null) {
				current.set(outer);
			}
			else {
				current.remove();
			}
		}
	}

	/**
	 * The id of the call this execution runs.
	 * @return the dispatch id
	 */
	public String dispatchId() {
		return this.dispatchId;
	}

	/**
	 * The id of the root of the call tree this execution belongs to.
	 * @return the root dispatch id
	 */
	public String rootDispatchId() {
		return this.rootDispatchId;
	}

	/**
	 * The results of the given calls in call order, or a {@link Suspension} until they are all there
	 * (or one failed).
	 * @param calls the calls, without correlation ids
	 * @return the results
	 * @throws Suspension to suspend the function
	 */
	public List<CallResult> gather(List<Call> calls) {
		int step = ++this.sequence;
		Step recorded = this.journal.find(step);
		if (recorded == null) {
			this.journal.put(step, Step.newBuilder().setSize(calls.size()).build());
			this.journal.suspendAt(step);
			throw new Suspension(this.journal.poll(correlated(step, calls)));
		}
		if (ReplayJournal.settled(recorded)) {
			return inOrder(recorded);
		}
		this.journal.suspendAt(step);
		throw new Suspension(this.journal.poll(List.of()));
	}

	/**
	 * Submits a batch once: on replay, the ids recorded the first time.
	 * @param calls the calls
	 * @param submit how to submit them
	 * @return the dispatch ids in call order
	 */
	public List<String> batch(List<Call> calls, Function<List<Call>, List<String>> submit) {
		int step = ++this.sequence;
		Step recorded = this.journal.find(step);
		if (recorded != null) {
			return recorded.getDispatchIdsList();
		}
		List<String> ids = submit.apply(calls);
		this.journal.put(step, Step.newBuilder().setSize(calls.size()).addAllDispatchIds(ids).build());
		return ids;
	}

	private List<Call> correlated(int step, List<Call> calls) {
		List<Call> correlated = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			correlated.add(calls.get(i).toBuilder().setCorrelationId(this.journal.correlationId(step, i)).build());
		}
		return correlated;
	}

	private static List<CallResult> inOrder(Step step) {
		if (step.hasError()) {
			return List.of(CallResult.newBuilder().setError(step.getError()).build());
		}
		List<CallResult> results = new ArrayList<>(step.getSize());
		for (int i = 0; i < step.getSize(); i++) {
			CallResult result = step.getResultsMap().get(i);
			results.add((result != null) ? result : CallResult.getDefaultInstance());
		}
		return results;
	}

}
