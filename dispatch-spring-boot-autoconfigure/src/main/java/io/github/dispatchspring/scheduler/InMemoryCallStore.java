package io.github.dispatchspring.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.Any;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallStore} in the heap: fast and lost on exit, for tests and throwaway runs. It answers
 * {@link CallQueries} by going through all its calls.
 */
public final class InMemoryCallStore implements CallStore, StoreStatistics, CallQueries, CallControl, CallStatuses,
		IdempotentCalls {

	private static final int MAX_ID_LENGTH = 64;

	private final Clock clock;

	private final Map<String, Entry> calls = new HashMap<>();

	private final PriorityQueue<Ticket> agenda = new PriorityQueue<>();

	private final InMemoryCallQueries queries;

	private final Map<String, String> idempotencyKeys = new HashMap<>();

	private final FlowControl flowControl;

	private final HeapFlowControl flow;

	/**
	 * Creates a store that leases due calls in the order they became due, without limits.
	 * @param clock the clock
	 */
	public InMemoryCallStore(Clock clock) {
		this(clock, FlowControl.none());
	}

	/**
	 * Creates a store that holds back calls beyond the limits of their functions and leases calls of
	 * higher priority first.
	 * @param clock the clock
	 * @param flow the order of claims and the limits of functions
	 */
	public InMemoryCallStore(Clock clock, FlowControl flow) {
		this.clock = clock;
		this.flowControl = flow;
		this.flow = new HeapFlowControl(flow, this.calls.values());
		this.queries = new InMemoryCallQueries(this, this.calls, clock);
	}

	@Override
	public synchronized void add(List<NewCall> newCalls) {
		insert(newCalls);
	}

	private void insert(List<NewCall> newCalls) {
		for (NewCall call : newCalls) {
			if (call.id().length() > MAX_ID_LENGTH) {
				throw new IllegalArgumentException("The id of a call has at most " + MAX_ID_LENGTH + " characters, not "
						+ call.id().length());
			}
		}
		for (NewCall call : newCalls) {
			if (!this.calls.containsKey(call.id())) {
				Entry entry = new Entry(call);
				this.calls.put(call.id(), entry);
				schedule(entry, call.createdAt());
			}
		}
	}

	@Override
	public synchronized String addOnce(NewCall call, String idempotencyKey) {
		String earlier = this.idempotencyKeys.get(idempotencyKey);
		if (earlier != null && this.calls.containsKey(earlier)) {
			return earlier;
		}
		insert(List.of(call));
		this.idempotencyKeys.put(idempotencyKey, call.id());
		return call.id();
	}

	@Override
	public synchronized List<ClaimedCall> claim(int limit, Duration lease) {
		Instant now = this.clock.instant();
		if (this.flowControl.active()) {
			return claimInSteps(limit, now, now.plus(lease));
		}
		List<ClaimedCall> claimed = new ArrayList<>();
		while (claimed.size() < limit && !this.agenda.isEmpty() && !this.agenda.peek().due.isAfter(now)) {
			Entry entry = current(this.agenda.poll());
			if (entry != null) {
				claimed.add(lease(entry, now.plus(lease)));
			}
		}
		return claimed;
	}

	/**
	 * Takes every due call off the agenda, leases those the flow control allows, and puts the others
	 * back, still due.
	 */
	private List<ClaimedCall> claimInSteps(int limit, Instant now, Instant leaseExpiry) {
		List<Entry> due = new ArrayList<>();
		while (!this.agenda.isEmpty() && !this.agenda.peek().due.isAfter(now)) {
			Entry entry = current(this.agenda.poll());
			if (entry != null) {
				due.add(entry);
			}
		}
		List<ClaimedCall> claimed = new ArrayList<>();
		for (Entry entry : this.flow.take(due, limit, now)) {
			claimed.add(lease(entry, leaseExpiry));
		}
		due.forEach((entry) -> this.agenda.add(new Ticket(entry.due, entry.call.id(), entry.version)));
		return claimed;
	}

	/** The call of a ticket, unless the call changed since the ticket was made. */
	private @Nullable Entry current(Ticket ticket) {
		Entry entry = this.calls.get(ticket.id);
		return (entry != null && entry.version == ticket.version && entry.phase != Phase.DONE) ? entry : null;
	}

	/**
	 * When the next call is due: the earliest time a pending call is due, a retry's backoff ends, a
	 * suspended call's wait ends or a lease expires.
	 * @return the time, or {@code null} when no call will be due without something else happening
	 */
	public synchronized @Nullable Instant nextDue() {
		while (!this.agenda.isEmpty()) {
			Ticket ticket = this.agenda.peek();
			if (current(ticket) != null) {
				return ticket.due;
			}
			this.agenda.poll();
		}
		return null;
	}

	private ClaimedCall lease(Entry entry, Instant leaseExpiry) {
		entry.phase = Phase.RUNNING;
		entry.leaseToken = UUID.randomUUID().toString();
		schedule(entry, leaseExpiry);
		List<CallResult> results = (entry.state != null)
				? entry.inbox.values().stream().limit(entry.maxResults).toList() : List.of();
		return new ClaimedCall(entry.call, entry.state, results, entry.attempt, entry.leaseToken);
	}

	@Override
	public synchronized void renew(Collection<ClaimedCall> calls, Duration lease) {
		Instant leaseExpiry = this.clock.instant().plus(lease);
		for (ClaimedCall call : calls) {
			Entry entry = leased(call);
			if (entry != null) {
				schedule(entry, leaseExpiry);
			}
		}
	}

	@Override
	public synchronized Set<String> cancelled(Collection<ClaimedCall> calls) {
		Set<String> cancelled = new HashSet<>();
		for (ClaimedCall call : calls) {
			Entry entry = this.calls.get(call.id());
			if (entry != null && entry.phase == Phase.RUNNING && entry.cancelledAt != null) {
				cancelled.add(call.id());
			}
		}
		return cancelled;
	}

	@Override
	public synchronized void release(Collection<ClaimedCall> calls) {
		Instant now = this.clock.instant();
		for (ClaimedCall call : calls) {
			Entry entry = leased(call);
			if (entry != null) {
				entry.phase = Phase.PENDING;
				entry.leaseToken = null;
				schedule(entry, now);
			}
		}
	}

	@Override
	public synchronized Recorded record(List<Transition> transitions, int claimLimit, Duration lease) {
		List<Boolean> held = new ArrayList<>(transitions.size());
		for (Transition transition : transitions) {
			boolean applied = apply(transition);
			if (applied) {
				this.queries.recorded(transition);
			}
			else {
				this.queries.refused(transition.call());
			}
			held.add(applied);
		}
		return new Recorded(held, (claimLimit > 0) ? claim(claimLimit, lease) : List.of());
	}

	private boolean apply(Transition transition) {
		if (transition instanceof Transition.Complete complete) {
			return complete(complete.call(), complete.result(), complete.status());
		}
		if (transition instanceof Transition.Retry retry) {
			return retry(retry.call(), retry.dueAt(), retry.restart(), retry.status(), retry.failure());
		}
		if (transition instanceof Transition.Suspend suspend) {
			return suspend(suspend.call(), suspend.state(), suspend.minResults(), suspend.maxResults(),
					suspend.deadline(), suspend.children());
		}
		if (transition instanceof Transition.Defer defer) {
			return defer(defer.call(), defer.dueAt());
		}
		Transition.TailCall tailCall = (Transition.TailCall) transition;
		return tailCall(tailCall.call(), tailCall.function(), tailCall.input());
	}

	private boolean defer(ClaimedCall call, Instant dueAt) {
		Entry entry = leased(call);
		if (entry == null) {
			return false;
		}
		entry.phase = Phase.PENDING;
		entry.leaseToken = null;
		schedule(entry, dueAt);
		return true;
	}

	private boolean complete(ClaimedCall call, CallResult result, DispatchStatus status) {
		Entry entry = leased(call);
		if (entry == null) {
			return false;
		}
		end(entry, result, status);
		return true;
	}

	/** Ends a call with a result, delivered to its parent's inbox if the parent waits for it. */
	void end(Entry entry, CallResult result, DispatchStatus status) {
		entry.ended(status, result);
		entry.phase = Phase.DONE;
		entry.result = result;
		entry.status = status;
		entry.endedAt = this.clock.instant();
		entry.state = null;
		entry.inbox.clear();
		entry.leaseToken = null;
		entry.version++;
		Entry parent = (entry.call.deliverToParent() && entry.call.parentId() != null)
				? this.calls.get(entry.call.parentId()) : null;
		if (parent != null && parent.phase != Phase.DONE) {
			parent.inbox.putIfAbsent(entry.call.id(), result);
			if (parent.phase == Phase.SUSPENDED && parent.inbox.size() >= parent.minResults) {
				schedule(parent, this.clock.instant());
			}
		}
	}

	private boolean retry(ClaimedCall call, Instant dueAt, boolean restart, DispatchStatus status,
			CallResult failure) {
		Entry entry = leased(call);
		if (entry == null) {
			return false;
		}
		entry.ended(status, failure);
		entry.attempt++;
		if (restart) {
			entry.state = null;
			entry.inbox.clear();
		}
		entry.phase = Phase.PENDING;
		schedule(entry, dueAt);
		return true;
	}

	private boolean suspend(ClaimedCall call, Any state, int minResults, int maxResults, @Nullable Instant deadline,
			List<NewCall> children) {
		Entry entry = leased(call);
		if (entry == null) {
			return false;
		}
		insert(children);
		call.results().forEach((result) -> entry.inbox.remove(result.getDispatchId()));
		entry.state = state;
		entry.minResults = minResults;
		entry.maxResults = maxResults;
		entry.attempt = 0;
		entry.phase = Phase.SUSPENDED;
		entry.version++;
		if (entry.inbox.size() >= minResults) {
			schedule(entry, this.clock.instant());
		}
		else if (deadline != null) {
			schedule(entry, deadline);
		}
		return true;
	}

	private boolean tailCall(ClaimedCall call, String function, Any input) {
		Entry entry = leased(call);
		if (entry == null) {
			return false;
		}
		entry.call = entry.call.continuedAs(function, input);
		entry.state = null;
		entry.inbox.clear();
		entry.attempt = 0;
		entry.phase = Phase.PENDING;
		schedule(entry, this.clock.instant());
		return true;
	}

	@Override
	public synchronized CallPage calls(CallFilter filter, int limit) {
		return this.queries.calls(filter, limit);
	}

	@Override
	public synchronized @Nullable CallSummary summary(String id) {
		return this.queries.summary(id);
	}

	@Override
	public synchronized @Nullable CallDetails call(String id) {
		return this.queries.call(id);
	}

	@Override
	public synchronized CallOverview overview(Instant since) {
		return this.queries.overview(since);
	}

	@Override
	public synchronized Intervention cancel(String id) {
		return this.queries.cancel(id);
	}

	@Override
	public synchronized Intervention runAgain(String id) {
		return this.queries.runAgain(id);
	}

	@Override
	public synchronized Map<String, CallResult> results(Collection<String> ids) {
		Map<String, CallResult> results = new HashMap<>();
		for (String id : ids) {
			Entry entry = this.calls.get(id);
			if (entry != null && entry.result != null) {
				results.put(id, entry.result);
			}
		}
		return results;
	}

	@Override
	public synchronized @Nullable CallStatus status(String id) {
		Entry entry = this.calls.get(id);
		if (entry == null) {
			return null;
		}
		CallStatus.State state = CallStatus.State.valueOf(entry.phase.name());
		int attempts = entry.attempt + ((state == CallStatus.State.PENDING) ? 0 : 1);
		return new CallStatus(new DispatchId(id), entry.call.function(), state, attempts, entry.lastErrorType,
				entry.lastErrorMessage, entry.call.createdAt(), entry.endedAt, entry.lastStatus);
	}

	@Override
	public synchronized Map<String, DispatchStatus> outcomes(Collection<String> ids) {
		Map<String, DispatchStatus> outcomes = new HashMap<>();
		for (String id : ids) {
			Entry entry = this.calls.get(id);
			if (entry != null && entry.phase == Phase.DONE && entry.lastStatus != null) {
				outcomes.put(id, entry.lastStatus);
			}
		}
		return outcomes;
	}

	@Override
	public synchronized int purge(Instant endedBefore, int limit) {
		List<Entry> ended = this.calls.values()
			.stream()
			.filter((entry) -> entry.endedAt != null && entry.endedAt.isBefore(endedBefore) && !parentRunning(entry))
			.sorted(java.util.Comparator.comparing((Entry entry) -> entry.endedAt))
			.limit(limit)
			.toList();
		ended.forEach((entry) -> this.calls.remove(entry.call.id()));
		this.idempotencyKeys.values().removeIf((id) -> !this.calls.containsKey(id));
		return ended.size();
	}

	private boolean parentRunning(Entry entry) {
		Entry parent = (entry.call.parentId() != null) ? this.calls.get(entry.call.parentId()) : null;
		return parent != null && parent.phase != Phase.DONE;
	}

	@Override
	public synchronized boolean exists(String id) {
		return this.calls.containsKey(id);
	}

	@Override
	public synchronized List<NewCall> children(String parentId) {
		return this.calls.values()
			.stream()
			.map((entry) -> entry.call)
			.filter((call) -> parentId.equals(call.parentId()))
			.toList();
	}

	@Override
	public synchronized Backlog backlog(Instant now) {
		long due = 0;
		Instant oldestDue = null;
		for (Ticket ticket : this.agenda) {
			Entry entry = this.calls.get(ticket.id);
			if (entry != null && entry.version == ticket.version && entry.phase != Phase.DONE
					&& !ticket.due.isAfter(now)) {
				due++;
				oldestDue = (oldestDue == null || ticket.due.isBefore(oldestDue)) ? ticket.due : oldestDue;
			}
		}
		return new Backlog(due, oldestDue, count(Phase.RUNNING));
	}

	@Override
	public synchronized Counts counts() {
		return new Counts(count(Phase.PENDING), count(Phase.RUNNING), count(Phase.SUSPENDED), count(Phase.DONE));
	}

	private long count(Phase phase) {
		return this.calls.values().stream().filter((entry) -> entry.phase == phase).count();
	}

	private @Nullable Entry leased(ClaimedCall call) {
		Entry entry = this.calls.get(call.id());
		return (entry != null && entry.phase == Phase.RUNNING && entry.cancelledAt == null
				&& call.leaseToken().equals(entry.leaseToken)) ? entry : null;
	}

	/** Makes a call due at the given time, replacing the time it was due at before. */
	void schedule(Entry entry, Instant due) {
		entry.version++;
		entry.due = due;
		this.agenda.add(new Ticket(due, entry.call.id(), entry.version));
	}

	enum Phase {

		PENDING, RUNNING, SUSPENDED, DONE

	}

	/** A call as the heap keeps it; read and written under the store's lock. */
	static final class Entry {

		NewCall call;

		Phase phase = Phase.PENDING;

		private long version;

		int attempt;

		@Nullable String leaseToken;

		private @Nullable Any state;

		private int minResults = 1;

		private int maxResults = Integer.MAX_VALUE;

		private final Map<String, CallResult> inbox = new LinkedHashMap<>();

		@Nullable CallResult result;

		@Nullable DispatchStatus status;

		@Nullable Instant endedAt;

		@Nullable Instant cancelledAt;

		Instant due;

		final List<CallEvent> history = new ArrayList<>();

		private @Nullable DispatchStatus lastStatus;

		private @Nullable String lastErrorType;

		private @Nullable String lastErrorMessage;

		Entry(NewCall call) {
			this.call = call;
			this.due = call.createdAt();
		}

		void ended(DispatchStatus status, CallResult result) {
			this.lastStatus = status;
			if (result.hasError()) {
				this.lastErrorType = result.getError().getType();
				this.lastErrorMessage = result.getError().getMessage();
			}
		}

	}

	private record Ticket(Instant due, String id, long version) implements Comparable<Ticket> {

		@Override
		public int compareTo(Ticket other) {
			return this.due.compareTo(other.due);
		}

	}

}
