package io.github.dispatchspring.durability.gather;

import java.util.List;

import io.github.dispatchspring.DispatchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * With {@code gather.calls} set, runs {@code gatherEchoes} over that many calls at startup, logs
 * the outcome, the wall time and the peak heap, and exits.
 */
@Component
public class GatherJob implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(GatherJob.class);

	private final DispatchClient client;

	private final ConfigurableApplicationContext context;

	private final int calls;

	public GatherJob(DispatchClient client, ConfigurableApplicationContext context,
			@Value("${gather.calls:0}") int calls) {
		this.client = client;
		this.context = context;
		this.calls = calls;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.calls == 0) {
			return;
		}
		try (HeapPeak heap = new HeapPeak()) {
			long start = System.nanoTime();
			List<Integer> inOrder = this.client.gather("gatherEchoes", List.of(this.calls), Integer.class);
			long millis = (System.nanoTime() - start) / 1_000_000;
			logger.info("Gathered {} of {} results in order in {} ms; peak heap {} MiB of {} MiB", inOrder.get(0),
					this.calls, millis, heap.mebibytes(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		System.exit(SpringApplication.exit(this.context));
	}

}
