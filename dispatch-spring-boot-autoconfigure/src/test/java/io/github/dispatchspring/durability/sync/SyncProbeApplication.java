package io.github.dispatchspring.durability.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Dispatches calls one at a time and waits for each result, marking each moment that matters with a
 * check ({@code access}) of a path that does not exist, so that a system call trace of the process shows what
 * the store forced to disk between the marks: {@code accepting-N} before the dispatch,
 * {@code accepted-N} once the id is back, {@code ran-N} inside the function and {@code seen-N} once
 * the result is back.
 */
@SpringBootApplication
public class SyncProbeApplication {

	/** The folder of the marks. */
	public static final String MARKS = "/dispatch-sync-probe-mark/";

	public static void main(String[] args) {
		int calls = Integer.parseInt(args[0]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SyncProbeApplication.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			DispatchClient client = context.getBean(DispatchClient.class);
			for (int i = 0; i < calls; i++) {
				mark("accepting-" + i);
				DispatchId id = client.dispatch("probe", i);
				mark("accepted-" + i);
				client.await(id, Integer.class, Duration.ofMinutes(1));
				mark("seen-" + i);
			}
			System.out.println("probe done");
		}
	}

	static void mark(String name) {
		Files.exists(Path.of(MARKS + name));
	}

	@Component
	static class Probe {

		@DispatchFunction
		public int probe(int index) {
			mark("ran-" + index);
			return index;
		}

	}

}
