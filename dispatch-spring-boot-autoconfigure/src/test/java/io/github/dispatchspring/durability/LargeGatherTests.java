package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dispatchspring.durability.gather.GatherApplication;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One function gathers 100,000 calls on the embedded store in a JVM whose heap is capped at 1 GiB;
 * the wall time and peak heap are printed, never asserted.
 */
class LargeGatherTests {

	private static final int CALLS = 100_000;

	private static final Pattern GATHERED = Pattern
		.compile("Gathered (\\d+) of (\\d+) results in order in (\\d+) ms; peak heap (\\d+) MiB of (\\d+) MiB");

	@Test
	void gathersOneHundredThousandCallsInAOneGibibyteHeap(@TempDir Path directory) {
		try (JavaProcess gather = JavaProcess.start("gather-100k",
				List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:stdout"), GatherApplication.class,
				List.of("--gather.calls=" + CALLS, "--dispatch.scheduler.embedded.directory=" + directory))) {
			assertThat(gather.awaitExit(Duration.ofMinutes(10))).as("exit code of " + gather).isZero();
			Matcher gathered = gather.awaitLine(GATHERED, Duration.ofSeconds(1));
			assertThat(gathered.group(1)).as("results in order").isEqualTo(String.valueOf(CALLS));
			Measurements.record("gather of " + CALLS + " calls, embedded store, -Xmx1g: " + gathered.group(3)
					+ " ms, peak heap " + gathered.group(4) + " MiB (sampled every 10 ms), log " + gather.log());
		}
		StoredCalls calls = StoredCalls.inEmbeddedStore(directory);
		assertThat(calls.count("echo", "DONE")).isEqualTo(CALLS);
		assertThat(calls.count("gatherEchoes", "DONE")).isOne();
		assertThat(calls.inboxSize()).isZero();
	}

}
