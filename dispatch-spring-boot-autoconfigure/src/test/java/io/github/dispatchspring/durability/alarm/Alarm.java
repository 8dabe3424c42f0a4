package io.github.dispatchspring.durability.alarm;

import java.time.Duration;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * The {@code ring} function: records that a run reached its sleep, sleeps three seconds durably,
 * records that the run woke, and returns.
 */
@Component
public class Alarm {

	/** How long {@code ring} sleeps. */
	public static final Duration SLEEP = Duration.ofSeconds(3);

	private final DispatchClient client;

	private final AlarmRuns runs;

	public Alarm(DispatchClient client, AlarmRuns runs) {
		this.client = client;
		this.runs = runs;
	}

	@DispatchFunction
	public String ring(String name) {
		this.runs.record(AlarmRuns.Event.SLEEPING);
		this.client.sleep(SLEEP);
		this.runs.record(AlarmRuns.Event.WOKE);
		return name + " rang";
	}

}
