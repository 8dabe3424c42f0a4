package io.github.dispatchspring.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * The agenda of the heap store: a ticket for each time a call was made due, earliest first. A call
 * made due again, suspended or ended gets a new version, so its older tickets lapse and are dropped
 * as they come up. Read and written under the store's lock.
 */
final class HeapAgenda {

	private final Map<String, HeapCall> calls;

	private final PriorityQueue<Ticket> tickets = new PriorityQueue<>();

	HeapAgenda(Map<String, HeapCall> calls) {
		this.calls = calls;
	}

	/** Makes a call due at the given time, replacing the time it was due at before. */
	void schedule(HeapCall entry, Instant due) {
		entry.version++;
		entry.due = due;
		this.tickets.add(new Ticket(due, entry.call.id(), entry.version));
	}

	/**
	 * Takes the call due earliest off the agenda, dropping the lapsed tickets before it.
	 * @param now the time
	 * @return the call, or {@code null} when no call is due by then
	 */
	@Nullable HeapCall takeDue(Instant now) {
		while (!this.tickets.isEmpty() && !this.tickets.peek().due.isAfter(now)) {
			HeapCall entry = current(this.tickets.poll());
			if (entry != null) {
				return entry;
			}
		}
		return null;
	}

	/** Puts calls taken off the agenda and left alone back on it, due as they were. */
	void putBack(List<HeapCall> entries) {
		entries.forEach((entry) -> this.tickets.add(new Ticket(entry.due, entry.call.id(), entry.version)));
	}

	/** The time the earliest call is due, dropping the lapsed tickets before it; {@code null} if none. */
	@Nullable Instant nextDue() {
		while (!this.tickets.isEmpty()) {
			Ticket ticket = this.tickets.peek();
			if (current(ticket) != null) {
				return ticket.due;
			}
			this.tickets.poll();
		}
		return null;
	}

	/** How many calls are due by now and since when, with the given number of leased calls. */
	StoreStatistics.Backlog backlog(Instant now, long leased) {
		long due = 0;
		Instant oldestDue = null;
		for (Ticket ticket : this.tickets) {
			if (current(ticket) != null && !ticket.due.isAfter(now)) {
				due++;
				oldestDue = (oldestDue == null || ticket.due.isBefore(oldestDue)) ? ticket.due : oldestDue;
			}
		}
		return new StoreStatistics.Backlog(due, oldestDue, leased);
	}

	/** The call of a ticket, unless the call changed since the ticket was made. */
	private @Nullable HeapCall current(Ticket ticket) {
		HeapCall entry = this.calls.get(ticket.id);
		return (entry != null && entry.version == ticket.version && entry.phase != HeapCall.Phase.DONE) ? entry
				: null;
	}

	private record Ticket(Instant due, String id, long version) implements Comparable<Ticket> {

		@Override
		public int compareTo(Ticket other) {
			return this.due.compareTo(other.due);
		}

	}

}
