package io.github.dispatchspring.durable;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * The run of a function call on the current thread: each gather, batch, any, race and sleep takes
 * the next sequence number and finds what it produced in an earlier run, in the journal or in the
 * scheduler's store, so that a function replayed from the top neither dispatches again nor waits
 * again. A step that asks for other calls than it did in the earlier run ends the call with a
 * {@link ReplayDivergence}.
 */
public final class DurableExecution {

	private static final ThreadLocal<DurableExecution> current = new ThreadLocal<>();

	private final RunningCall call;

	private final CallSteps steps;

	private final Divergences divergences;

	private final Gathers gathers;

	private final Batches batches;

	private final Races races;

	private final Sleeps sleeps;

	/**
	 * Creates the run of a call whose sleeps read the time from the given clock.
	 * @param call the call, as its run request describes it
	 * @param journal its journal
	 * @param store the calls in the store of the scheduler sharing this application's store, or
	 * {@code null} without one
	 * @param clock the clock sleeps are measured by
	 */
	public DurableExecution(RunningCall call, ReplayJournal journal, @Nullable ChildCalls store, Clock clock) {
		this.call = call;
		this.steps = new CallSteps(call.dispatchId(), journal, store);
		this.divergences = new Divergences(call.function(), this.steps);
		this.gathers = new Gathers(this.steps, this.divergences);
		this.batches = new Batches(this.steps, this.divergences);
		this.races = new Races(this.steps, this.divergences);
		this.sleeps = new Sleeps(this.steps, this.divergences, clock);
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
	 * @throws ReplayDivergence if the body returned before reaching every step an earlier run reached
	 */
	public <T> T run(Supplier<T> body) {
		DurableExecution outer = current.get();
		current.set(this);
		try {
			T result = body.get();
			if (this.steps.behind()) {
				int reached = this.steps.reached();
				throw this.divergences.at(reached + 1, "this run returned after step " + reached);
			}
			return result;
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
	 * The call this execution runs.
	 * @return the call, as its run request describes it
	 */
	public RunningCall call() {
		return this.call;
	}

	/**
	 * The results of the given calls in call order, or a {@link Suspension} until they are all there
	 * (or one failed).
	 * @param calls the calls, without correlation ids
	 * @return the results
	 * @throws Suspension to suspend the function
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	public List<CallResult> gather(List<Call> calls) {
		return this.gathers.results(calls);
	}

	/**
	 * The first of the given calls to end, for a race, or to succeed, for an any; ties go to the
	 * lowest index. The choice is recorded, so a replay returns it again. The other calls run to their
	 * end and their results are ignored.
	 * @param calls the calls, without correlation ids
	 * @param race whether a failure may be the first outcome
	 * @return the chosen call's result, or every failure of an any whose calls all failed
	 * @throws Suspension to suspend the function until a result is there
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	public FirstOutcome first(List<Call> calls, boolean race) {
		return first(calls, race, (losers) -> {
		});
	}

	/**
	 * The first of the given calls to end, for a race, or to succeed, for an any; ties go to the
	 * lowest index. The choice is recorded, so a replay returns it again. When the choice is made, the
	 * calls that have not ended are handed to {@code cancel}, if the scheduler's store holds them;
	 * their results are ignored either way.
	 * @param calls the calls, without correlation ids
	 * @param race whether a failure may be the first outcome
	 * @param cancel cancels the dispatch ids of the calls that lost and have not ended
	 * @return the chosen call's result, or every failure of an any whose calls all failed
	 * @throws Suspension to suspend the function until a result is there
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	public FirstOutcome first(List<Call> calls, boolean race, Consumer<List<String>> cancel) {
		return this.races.first(calls, race, cancel);
	}

	/**
	 * Submits a batch once: on replay, the ids of the calls the first run submitted.
	 * @param calls the calls, without correlation ids
	 * @param submit how to submit them, with their correlation ids
	 * @return the dispatch ids in call order
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	public List<String> batch(List<Call> calls, Function<List<Call>, List<String>> submit) {
		return this.batches.submit(calls, submit);
	}

	/**
	 * Returns once the given time has passed since the run that first reached this step, suspending
	 * the function until then: the first run records when the sleep ends, and every run that reaches
	 * the step before then suspends again for the time left.
	 * @param duration how long to sleep
	 * @throws Suspension to suspend the function
	 * @throws ReplayDivergence if an earlier run asked for calls at this step
	 */
	public void sleep(Duration duration) {
		this.sleeps.sleep(duration);
	}

}
