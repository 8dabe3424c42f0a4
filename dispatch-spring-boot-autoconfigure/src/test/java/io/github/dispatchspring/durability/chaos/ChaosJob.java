package io.github.dispatchspring.durability.chaos;

import java.time.Duration;
import java.util.List;

import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * With {@code chaos.groups} set, dispatches one {@code chaosGroup} parent per group, waits for every
 * parent and then for every call, lets any call that would run again show itself, logs what each
 * parent saw and a summary, and exits.
 */
@Component
public class ChaosJob implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ChaosJob.class);

	private static final Duration WAIT = Duration.ofMinutes(10);

	private final DispatchClient client;

	private final ChaosCalls calls;

	private final ChaosAttempts attempts;

	private final ConfigurableApplicationContext context;

	private final int groups;

	public ChaosJob(DispatchClient client, ChaosCalls calls, ChaosAttempts attempts,
			ConfigurableApplicationContext context, @Value("${chaos.groups:0}") int groups) {
		this.client = client;
		this.calls = calls;
		this.attempts = attempts;
		this.context = context;
		this.groups = groups;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (this.groups == 0) {
			return;
		}
		long start = System.nanoTime();
		DispatchBatch batch = this.client.batch();
		for (int group = 0; group < this.groups; group++) {
			batch.add("chaosGroup", group);
		}
		List<DispatchId> parents = batch.dispatch();
		for (int group = 0; group < this.groups; group++) {
			logger.info("GROUP {} {}", group, this.client.await(parents.get(group), String.class, WAIT));
		}
		int total = this.groups * ChaosCalls.GROUP_SIZE;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.calls.ended() < total && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		// Any call that would run once more after its end, from a lost result or a retry too many, has
		// time to show itself.
		Thread.sleep(3_000);
		logger.info("CHAOS calls={} ended={} succeeded={} invocations={} reruns={} interrupted={} attempts={} "
				+ "millis={}", total, this.calls.ended(), this.calls.succeeded(), this.calls.invocations(),
				this.calls.reruns(), this.calls.interrupted(), this.attempts.byStatus(), millis);
		System.exit(SpringApplication.exit(this.context));
	}

}
