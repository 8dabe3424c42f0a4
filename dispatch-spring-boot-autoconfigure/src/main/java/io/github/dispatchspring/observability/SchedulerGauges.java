package io.github.dispatchspring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.StoreStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of the scheduler's work: the calls this instance runs and, from the store, the calls due and
 * leased and the wait of the call due the longest. The store is read at most once a second however
 * often the gauges are; a gauge reads {@code NaN} while the store cannot be read.
 */
public final class SchedulerGauges implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final EmbeddedScheduler scheduler;

	private final @Nullable StoreStatistics statistics;

	private final String store;

	private final Clock clock;

	private @Nullable Reading last;

	/**
	 * Creates the gauges.
	 * @param scheduler the scheduler
	 * @param statistics the store's statistics, or {@code null} when it gives none
	 * @param store the name of the store, the value of the {@code store} tag
	 * @param clock the clock
	 */
	public SchedulerGauges(EmbeddedScheduler scheduler, @Nullable StoreStatistics statistics, String store,
			Clock clock) {
		this.scheduler = scheduler;
		this.statistics = statistics;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("dispatch.calls.running", this.scheduler, EmbeddedScheduler::runningCalls)
			.description("Calls this instance runs now")
			.tag("store", this.store)
			.register(registry);
		if (this.statistics == null) {
			return;
		}
		gauge(registry, "dispatch.calls.due", "Calls due now that no worker runs",
				(backlog) -> backlog.due());
		gauge(registry, "dispatch.calls.leased", "Calls leased by the workers of every instance sharing the store",
				(backlog) -> backlog.leased());
		TimeGauge.builder("dispatch.calls.due.age", this, TimeUnit.MILLISECONDS,
				(gauges) -> gauges.read((reading) -> reading.backlog().oldestDueAge(reading.at()).toMillis()))
			.description("How long the call due the longest has waited")
			.tag("store", this.store)
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description,
			ToDoubleFunction<StoreStatistics.Backlog> value) {
		Gauge.builder(name, this, (gauges) -> gauges.read((reading) -> value.applyAsDouble(reading.backlog())))
			.description(description)
			.tag("store", this.store)
			.register(registry);
	}

	private double read(ToDoubleFunction<Reading> value) {
		Reading reading = reading();
		return (reading != null) ? value.applyAsDouble(reading) : Double.NaN;
	}

	private synchronized @Nullable Reading reading() {
		Instant now = this.clock.instant();
		if (this.last == null || !now.isBefore(this.last.at().plus(FRESH)) || now.isBefore(this.last.at())) {
			try {
				this.last = new Reading(this.statistics.backlog(now), now);
			}
			catch (RuntimeException ex) {
				this.last = null;
			}
		}
		return this.last;
	}

	/** The backlog as read from the store at a time. */
	private record Reading(StoreStatistics.Backlog backlog, Instant at) {
	}

}
