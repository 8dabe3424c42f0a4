package io.github.dispatchspring.durability.alarm;

import java.time.Duration;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At startup, with {@code alarm.dispatch=<name>}, dispatches {@code ring(name)} and logs
 * {@code Dispatched <id>}, then {@code Suspended <id>} once {@code status} says the call sleeps; with
 * {@code alarm.await=<id>}, awaits that call and logs {@code Awaited <id> = <result>}, then
 * {@code Status <state> <outcome> <ended at, epoch milliseconds>}.
 */
@Component
public class AlarmJob implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AlarmJob.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private final DispatchClient client;

	private final String dispatch;

	private final String await;

	public AlarmJob(DispatchClient client, @Value("${alarm.dispatch:}") String dispatch,
			@Value("${alarm.await:}") String await) {
		this.client = client;
		this.dispatch = dispatch;
		this.await = await;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (!this.dispatch.isEmpty()) {
			DispatchId id = this.client.dispatch("ring", this.dispatch);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			CallStatus.State state = this.client.status(id).state();
			while (state != CallStatus.State.SUSPENDED && System.nanoTime() < deadline) {
				Thread.sleep(10);
				state = this.client.status(id).state();
			}
			logger.info("Dispatched {} is {}", id, state);
		}
		if (!this.await.isEmpty()) {
			DispatchId id = DispatchId.of(this.await);
			logger.info("Awaited {} = {}", id, this.client.await(id, String.class, TIMEOUT));
			CallStatus status = this.client.status(id);
			logger.info("Status {} {} {}", status.state(), status.outcome(), status.endedAt());
		}
	}

}
