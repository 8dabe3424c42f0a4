package io.github.dispatchspring.durable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.google.protobuf.Timestamp;
import io.github.dispatchspring.proto.Step;

/**
 * The sleeps of a run: the first run that reaches one records when it ends, and every run that
 * reaches it before then suspends for the time left.
 */
final class Sleeps {

	private final CallSteps steps;

	private final Divergences divergences;

	private final Clock clock;

	Sleeps(CallSteps steps, Divergences divergences, Clock clock) {
		this.steps = steps;
		this.divergences = divergences;
		this.clock = clock;
	}

	/**
	 * Returns once the given time has passed since the run that first reached this step.
	 * @param duration how long to sleep
	 * @throws Suspension to suspend the function until then
	 * @throws ReplayDivergence if an earlier run asked for calls at this step
	 */
	void sleep(Duration duration) {
		int step = this.steps.next();
		Instant now = this.clock.instant();
		Instant wakeAt = this.steps.replayed(step) ? recordedWake(step) : recordWake(step, now, duration);
		if (now.isBefore(wakeAt)) {
			this.steps.journal().suspendAt(step);
			throw new Suspension(this.steps.journal().sleep(Duration.between(now, wakeAt)));
		}
	}

	private Instant recordWake(int step, Instant now, Duration duration) {
		this.steps.inStore();
		Instant wakeAt = now.plus(duration.isNegative() ? Duration.ZERO : duration);
		this.steps.journal()
			.put(step, Step.newBuilder()
				.setKind(Step.Kind.KIND_SLEEP)
				.setWakeAt(Timestamp.newBuilder().setSeconds(wakeAt.getEpochSecond()).setNanos(wakeAt.getNano()))
				.build());
		return wakeAt;
	}

	private Instant recordedWake(int step) {
		Step recorded = this.steps.journal().find(step);
		if (recorded == null || recorded.getKind() != Step.Kind.KIND_SLEEP) {
			throw this.divergences.at(step, "this run asks for a sleep");
		}
		return Instant.ofEpochSecond(recorded.getWakeAt().getSeconds(), recorded.getWakeAt().getNanos());
	}

}
