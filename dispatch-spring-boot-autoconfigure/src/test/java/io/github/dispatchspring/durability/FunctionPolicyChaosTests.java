package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dispatchspring.durability.chaos.ChaosApplication;
import io.github.dispatchspring.durability.chaos.ChaosCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 5,000 calls in a JVM of their own, on the embedded store, where 30% fail with a temporary error on
 * their first two attempts, 2% outlast their function's run timeout once and 1% fail for good: every
 * call comes to its outcome, the handler runs exactly once per call plus once per retry, no call runs
 * again after its end, and each permanent failure reaches its parent's gather with its status.
 */
class FunctionPolicyChaosTests {

	private static final int GROUPS = 500;

	private static final int CALLS = GROUPS * ChaosCalls.GROUP_SIZE;

	private static final Pattern SUMMARY = Pattern.compile("CHAOS calls=(\\d+) ended=(\\d+) succeeded=(\\d+) "
			+ "invocations=(\\d+) reruns=(\\d+) interrupted=(\\d+) attempts=\\{(.*)\\} millis=(\\d+)");

	private static final Pattern GROUP = Pattern.compile("GROUP (\\d+) (.*)$");

	@Test
	void bringsEveryCallToItsOutcomeRunningItOncePerAttempt(@TempDir Path directory) {
		// The run timeout of the calls is two seconds, not the default four minutes: the calls that
		// outlast it sleep for ten minutes unless interrupted, and two seconds is still far above the
		// milliseconds the other calls take, on a loaded machine too.
		try (JavaProcess chaos = JavaProcess.start("chaos", List.of("-Xmx512m"), ChaosApplication.class,
				List.of("--chaos.groups=" + GROUPS, "--dispatch.scheduler.embedded.directory=" + directory,
						"--dispatch.functions.chaosCall.timeout=2s"))) {
			assertThat(chaos.awaitExit(Duration.ofMinutes(10))).as("exit code of the chaos run, log: " + chaos.log())
				.isZero();
			Matcher summary = chaos.awaitLine(SUMMARY, Duration.ofSeconds(1));
			int permanent = CALLS / 100;
			int timedOut = 2 * CALLS / 100;
			int temporary = 30 * CALLS / 100;
			assertThat(summary.group(2)).as("calls ended").isEqualTo(String.valueOf(CALLS));
			assertThat(summary.group(3)).as("calls succeeded").isEqualTo(String.valueOf(CALLS - permanent));
			assertThat(summary.group(4)).as("invocations: one per call and one per retry")
				.isEqualTo(String.valueOf(CALLS + 2 * temporary + timedOut));
			assertThat(summary.group(5)).as("invocations after a call's end").isEqualTo("0");
			assertThat(summary.group(6)).as("runs interrupted at their timeout").isEqualTo(String.valueOf(timedOut));
			assertThat(summary.group(7)).as("attempts by status")
				.isEqualTo("OK=" + (CALLS - permanent) + ", TIMEOUT=" + timedOut + ", TEMPORARY_ERROR=" + (2 * temporary)
						+ ", PERMANENT_ERROR=" + permanent);
			List<String> groups = chaos.lines()
				.stream()
				.map(GROUP::matcher)
				.filter(Matcher::find)
				.map((group) -> group.group(1) + " " + group.group(2))
				.toList();
			assertThat(groups).hasSize(GROUPS);
			for (String group : groups) {
				int number = Integer.parseInt(group.substring(0, group.indexOf(' ')));
				String seen = group.substring(group.indexOf(' ') + 1);
				assertThat(seen).as("what the parent of group " + number + " saw")
					.isEqualTo((number % 10 == 0) ? "failed [0:PERMANENT_ERROR:java.lang.IllegalStateException]" : "ok");
			}
			Measurements.record("chaos run of " + CALLS + " calls in " + GROUPS + " gathers, embedded store: "
					+ summary.group(8) + " ms");
		}
	}

}
