package io.github.dispatchspring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.StoreStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of the embedded scheduler: {@code DOWN} when its store cannot be read,
 * {@code OUT_OF_SERVICE} when the scheduler is not running, with the backlog of due calls in the
 * details. A backlog past its {@link Thresholds} is told in the {@code backlog} detail and gives the
 * status the thresholds set, {@code UP} unless configured otherwise, so that a busy instance is not
 * taken out of service for being busy.
 */
public final class DispatchHealthIndicator extends AbstractHealthIndicator {

	private final EmbeddedScheduler scheduler;

	private final @Nullable StoreStatistics statistics;

	private final String store;

	private final Thresholds thresholds;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param scheduler the scheduler
	 * @param statistics the store's statistics, or {@code null} when it gives none
	 * @param store the name of the store
	 * @param thresholds when the backlog is too long
	 * @param clock the clock
	 */
	public DispatchHealthIndicator(EmbeddedScheduler scheduler, @Nullable StoreStatistics statistics, String store,
			Thresholds thresholds, Clock clock) {
		super("The Dispatch health check failed");
		this.scheduler = scheduler;
		this.statistics = statistics;
		this.store = store;
		this.thresholds = thresholds;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean running = this.scheduler.isRunning();
		builder.status(running ? Status.UP : Status.OUT_OF_SERVICE)
			.withDetail("store", this.store)
			.withDetail("scheduler", running ? "running" : "stopped")
			.withDetail("runningCalls", this.scheduler.runningCalls());
		if (this.statistics == null) {
			return;
		}
		Instant now = this.clock.instant();
		StoreStatistics.Backlog backlog = this.statistics.backlog(now);
		Duration age = backlog.oldestDueAge(now);
		builder.withDetail("dueCalls", backlog.due()).withDetail("leasedCalls", backlog.leased());
		if (backlog.oldestDue() != null) {
			builder.withDetail("oldestDueCall", backlog.oldestDue().toString()).withDetail("oldestDueAge", age.toString());
		}
		String exceeded = this.thresholds.exceeded(backlog.due(), age);
		if (exceeded != null) {
			builder.withDetail("backlog", exceeded);
			if (running) {
				builder.status(this.thresholds.status());
			}
		}
	}

	/**
	 * When the backlog of due calls is too long, and what the health then says.
	 *
	 * @param maxDueAge the longest a due call may wait
	 * @param maxDueCalls the most calls that may be due, 0 for no limit
	 * @param status the status of a backlog past either
	 */
	public record Thresholds(Duration maxDueAge, long maxDueCalls, Status status) {

		@Nullable String exceeded(long due, Duration age) {
			if (age.compareTo(this.maxDueAge) > 0) {
				return "the call due the longest has waited " + age + ", more than dispatch.health.max-due-age ("
						+ this.maxDueAge + ")";
			}
			if (this.maxDueCalls > 0 && due > this.maxDueCalls) {
				return due + " calls are due, more than dispatch.health.max-due-calls (" + this.maxDueCalls + ")";
			}
			return null;
		}

	}

}
