package io.github.dispatchspring.durability.fanout;

import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Dispatches {@code fanout.calls} calls of {@code visit}, one per item, in one batch at startup.
 */
@Component
public class FanOutJob implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FanOutJob.class);

	private final DispatchClient client;

	private final int calls;

	public FanOutJob(DispatchClient client, @Value("${fanout.calls:0}") int calls) {
		this.client = client;
		this.calls = calls;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.calls == 0) {
			return;
		}
		DispatchBatch batch = this.client.batch();
		for (int item = 0; item < this.calls; item++) {
			batch.add("visit", item);
		}
		logger.info("Dispatched {} visit calls", batch.dispatch().size());
	}

}
