package io.github.dispatchspring.durable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.Step;
import org.jspecify.annotations.Nullable;

/**
 * The run of a function call on the current thread: each gather and batch takes the next sequence
 * number and finds what it produced in an earlier run, in the journal or in the scheduler's store,
 * so that a function replayed from the top neither dispatches again nor waits again. A step that
 * asks for other calls than it did in the earlier run ends the call with a {@link ReplayDivergence}.
 */
public final class DurableExecution {

	private static final ThreadLocal<DurableExecution> current = new ThreadLocal<>();

	private final RunningCall call;

	private final String function;

	private final String dispatchId;

	private final ReplayJournal journal;

	private final @Nullable ChildCalls store;

	private final int replayed;

	private final Clock clock;

	private int sequence;

	/**
	 * Creates the run of a call whose sleeps read the time from the given clock.
	 * @param call the call, as its run request describes it
	 * @param journal its journal
	 * @param store the calls in the store of the scheduler sharing this application's store, or
	 * {@code null} without one
	 * @param clock the clock sleeps are measured by
	 */
	public DurableExecution(RunningCall call, ReplayJournal journal, @Nullable ChildCalls store, Clock clock) {
		this.clock = clock;
		this.call = call;
		this.function = call.function();
		this.dispatchId = call.dispatchId();
		this.journal = journal;
		this.store = store;
		this.replayed = journal.suspendedAt();
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
			if (this.sequence < this.replayed) {
				throw diverged(this.sequence + 1, recorded(this.sequence + 1),
						"this run returned after step " + this.sequence);
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
		int step = ++this.sequence;
		StepCalls asked = StepCalls.gather(calls);
		if (step > this.replayed) {
			return gatherFirst(step, asked);
		}
		Step recorded = this.journal.find(step);
		if (recorded != null) {
			checkRecorded(step, recorded, asked);
		}
		List<CallResult> results = (recorded != null && (recorded.hasError() || !this.journal.resultsInStore()))
				? inOrder(recorded, asked.size()) : fromStore(step, asked);
		if (step == this.journal.suspendedAt()) {
			settle(step, recorded);
		}
		return results;
	}

	private List<CallResult> gatherFirst(int step, StepCalls asked) {
		List<Call> correlated = correlated(step, asked);
		Step.Builder pending = asked.record().setFingerprint(asked.fingerprint());
		Arrivals arrivals = Arrivals.none(asked.size());
		List<Call> missing = correlated;
		if (inStore()) {
			List<String> ids = store().ids(this.dispatchId, correlated);
			Map<String, CallResult> ended = store().results(ids);
			if (!ended.isEmpty()) {
				missing = new ArrayList<>(correlated.size() - ended.size());
				boolean failed = false;
				for (int i = 0; i < ids.size(); i++) {
					CallResult result = ended.get(ids.get(i));
					if (result == null) {
						missing.add(correlated.get(i));
						continue;
					}
					arrivals.add(i);
					if (result.hasError()) {
						pending.putResults(i, result);
						failed = true;
					}
				}
				if (failed || arrivals.complete()) {
					return inOrder(ids, ended);
				}
			}
		}
		this.journal.put(step, pending.setArrived(arrivals.bytes()).build());
		this.journal.suspendAt(step);
		throw new Suspension(this.journal.poll(missing));
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
		int step = ++this.sequence;
		StepCalls asked = StepCalls.first(race, calls);
		Step recorded;
		if (step > this.replayed) {
			inStore();
			recorded = asked.record().setFingerprint(asked.fingerprint()).setArrived(Arrivals.none(asked.size()).bytes())
				.build();
		}
		else {
			recorded = this.journal.find(step);
			if (recorded == null) {
				throw diverged(step, recorded(step), "this run asks for " + asked.describe());
			}
			checkRecorded(step, recorded, asked);
			if (step != this.journal.suspendedAt()) {
				return chosen(step, recorded, asked);
			}
		}
		List<Call> correlated = correlated(step, asked);
		Map<Integer, CallResult> ended = new HashMap<>(recorded.getResultsMap());
		if (this.journal.resultsInStore()) {
			List<String> ids = store().ids(this.dispatchId, correlated);
			Map<String, CallResult> stored = store().results(ids);
			for (int i = 0; i < ids.size(); i++) {
				CallResult result = stored.get(ids.get(i));
				if (result != null) {
					ended.put(i, result);
				}
			}
		}
		FirstOutcome outcome = FirstOutcome.choose(ended, asked.size(), race);
		if (outcome == null) {
			this.journal.put(step, recorded);
			this.journal.suspendAt(step);
			throw new Suspension(this.journal.poll((step > this.replayed) ? correlated : List.of()));
		}
		Step.Builder chosen = recorded.toBuilder().clearArrived().clearResults().setWinner(outcome.winner() + 1);
		if (outcome.winner() < 0) {
			for (int i = 0; i < asked.size(); i++) {
				chosen.putResults(i, outcome.results().get(i));
			}
		}
		else if (!this.journal.resultsInStore()) {
			chosen.putResults(outcome.winner(), outcome.results().get(0));
		}
		this.journal.put(step, chosen.build());
		if (outcome.winner() >= 0 && this.journal.resultsInStore()) {
			List<String> ids = store().ids(this.dispatchId, correlated);
			List<String> losers = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				if (!ended.containsKey(i)) {
					losers.add(ids.get(i));
				}
			}
			if (!losers.isEmpty()) {
				cancel.accept(losers);
			}
		}
		return outcome;
	}

	/**
	 * What an any or a race that ended in an earlier run chose, its result read back from the
	 * journal or the store.
	 */
	private FirstOutcome chosen(int step, Step recorded, StepCalls asked) {
		int winner = recorded.getWinner() - 1;
		if (winner < 0) {
			return new FirstOutcome(-1, inOrder(recorded, asked.size()));
		}
		CallResult result = recorded.getResultsMap().get(winner);
		if (result == null) {
			String id = store().ids(this.dispatchId, correlated(step, asked)).get(winner);
			result = store().results(List.of(id)).get(id);
			if (result == null) {
				throw divergedInCalls(step, asked, winner);
			}
		}
		return new FirstOutcome(winner, List.of(result));
	}

	/**
	 * Submits a batch once: on replay, the ids of the calls the first run submitted.
	 * @param calls the calls, without correlation ids
	 * @param submit how to submit them, with their correlation ids
	 * @return the dispatch ids in call order
	 * @throws ReplayDivergence if an earlier run asked for other calls at this step
	 */
	public List<String> batch(List<Call> calls, Function<List<Call>, List<String>> submit) {
		int step = ++this.sequence;
		StepCalls asked = StepCalls.batch(calls);
		if (step > this.replayed) {
			List<Call> correlated = correlated(step, asked);
			List<String> ids = submit.apply(correlated);
			if (!inStore() || !ids.equals(store().ids(this.dispatchId, correlated))) {
				this.journal.put(step,
						asked.record().setFingerprint(asked.fingerprint()).addAllDispatchIds(ids).build());
			}
			return ids;
		}
		Step recorded = this.journal.find(step);
		if (recorded != null) {
			checkRecorded(step, recorded, asked);
			return recorded.getDispatchIdsList();
		}
		List<String> ids = store().ids(this.dispatchId, correlated(step, asked));
		Set<String> existing = store().existing(ids);
		if (existing.size() < ids.size()) {
			throw divergedInCalls(step, asked, firstMissing(ids, existing));
		}
		return ids;
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
		int step = ++this.sequence;
		Instant now = this.clock.instant();
		Instant wakeAt;
		if (step > this.replayed) {
			inStore();
			wakeAt = now.plus(duration.isNegative() ? Duration.ZERO : duration);
			this.journal.put(step, Step.newBuilder()
				.setKind(Step.Kind.KIND_SLEEP)
				.setWakeAt(Timestamp.newBuilder().setSeconds(wakeAt.getEpochSecond()).setNanos(wakeAt.getNano()))
				.build());
		}
		else {
			Step recorded = this.journal.find(step);
			if (recorded == null || recorded.getKind() != Step.Kind.KIND_SLEEP) {
				throw diverged(step, recorded(step), "this run asks for a sleep");
			}
			wakeAt = Instant.ofEpochSecond(recorded.getWakeAt().getSeconds(), recorded.getWakeAt().getNanos());
		}
		if (now.isBefore(wakeAt)) {
			this.journal.suspendAt(step);
			throw new Suspension(this.journal.sleep(Duration.between(now, wakeAt)));
		}
	}

	private void checkRecorded(int step, Step recorded, StepCalls asked) {
		if (!asked.sameShapeAs(recorded)) {
			throw diverged(step, StepCalls.describe(recorded), "this run asks for " + asked.describe());
		}
		if (asked.otherInputsThan(recorded)) {
			throw diverged(step, StepCalls.describe(recorded), "this run asks for one with other inputs");
		}
	}

	/**
	 * The results of a gather that ended, read back from the store by the ids of its calls: all of
	 * them, or those there are when one failed. A call missing means that the earlier run made other
	 * calls at this step.
	 */
	private List<CallResult> fromStore(int step, StepCalls asked) {
		List<String> ids = store().ids(this.dispatchId, correlated(step, asked));
		Map<String, CallResult> ended = store().results(ids);
		if (ended.size() < ids.size()) {
			Collection<String> known = ended.values().stream().anyMatch(CallResult::hasError)
					? store().existing(ids) : ended.keySet();
			if (known.size() < ids.size()) {
				throw divergedInCalls(step, asked, firstMissing(ids, known));
			}
		}
		return inOrder(ids, ended);
	}

	/**
	 * Ends the journal's record of the gather the call was suspended at, now that it returned: with
	 * results in the store, only a refusal stays.
	 */
	private void settle(int step, @Nullable Step recorded) {
		if (recorded == null) {
			return;
		}
		if (this.journal.resultsInStore() && !recorded.hasError()) {
			this.journal.remove(step);
		}
		else {
			this.journal.put(step, recorded.toBuilder().clearArrived().build());
		}
	}

	private boolean inStore() {
		if (!this.journal.placed()) {
			boolean held = this.store != null && this.store.holds(this.dispatchId);
			this.journal.keepResults(held ? Journal.Results.RESULTS_IN_STORE : Journal.Results.RESULTS_IN_JOURNAL);
		}
		return this.journal.resultsInStore();
	}

	private ChildCalls store() {
		if (this.store == null) {
			throw new IllegalStateException("The journal keeps results in a store this application does not reach");
		}
		return this.store;
	}

	private List<Call> correlated(int step, StepCalls asked) {
		List<Call> calls = asked.calls();
		List<Call> correlated = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			long correlationId = this.journal.correlationId(step, asked.kind(), calls.size(), i);
			correlated.add(calls.get(i).toBuilder().setCorrelationId(correlationId).build());
		}
		return correlated;
	}

	private static List<CallResult> inOrder(List<String> ids, Map<String, CallResult> results) {
		List<CallResult> ordered = new ArrayList<>(ids.size());
		for (String id : ids) {
			ordered.add(results.getOrDefault(id, CallResult.getDefaultInstance()));
		}
		return ordered;
	}

	private static List<CallResult> inOrder(Step step, int size) {
		if (step.hasError()) {
			return List.of(CallResult.newBuilder().setError(step.getError()).build());
		}
		List<CallResult> results = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			results.add(step.getResultsMap().getOrDefault(i, CallResult.getDefaultInstance()));
		}
		return results;
	}

	private static int firstMissing(List<String> ids, Collection<String> known) {
		for (int i = 0; i < ids.size(); i++) {
			if (!known.contains(ids.get(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What an earlier run asked for at a step, from the journal or, with results in the store, from
	 * the calls it made there.
	 */
	private String recorded(int step) {
		Step recorded = this.journal.find(step);
		if (recorded != null) {
			return StepCalls.describe(recorded);
		}
		return new EarlierSteps(this.journal, store().children(this.dispatchId)).describe(step);
	}

	private ReplayDivergence divergedInCalls(int step, StepCalls asked, int index) {
		String recorded = recorded(step);
		String what = (asked.kind() == Step.Kind.KIND_GATHER) ? "another input" : "another function or input";
		String differs = recorded.equals(asked.describe())
				? "this run asks for one with " + what + " in calls[" + index + "]"
				: "this run asks for " + asked.describe();
		return diverged(step, recorded, differs);
	}

	private ReplayDivergence diverged(int step, String recorded, String differs) {
		return new ReplayDivergence("Function '" + this.function + "' does not replay as it ran before: step " + step
				+ " was " + recorded + ", " + differs + ". The code of a function must ask for the same gathers and "
				+ "batches in the same order on every run of a call: keep it deterministic between gathers, and let "
				+ "calls suspended under older code end before changing it");
	}

}
