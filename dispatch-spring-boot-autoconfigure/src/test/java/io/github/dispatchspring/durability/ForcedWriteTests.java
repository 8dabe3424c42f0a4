package io.github.dispatchspring.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dispatchspring.durability.sync.SyncProbeApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store forces every write to disk before anyone sees it: a system call trace
 * ({@code strace}) of an application that dispatches calls one at a time shows an {@code fsync} or
 * {@code fdatasync} of the store's files between the dispatch and the id it returns, and between the
 * function's run and the result its caller sees. With {@code dispatch.scheduler.durability=relaxed}
 * the same trace shows none, which is what this test would see if commits became asynchronous.
 */
class ForcedWriteTests {

	private static final int CALLS = 20;

	private static final Pattern MARK = Pattern.compile(Pattern.quote(SyncProbeApplication.MARKS) + "([a-z]+)-(\\d+)");

	private static final Pattern SYNC = Pattern.compile("\\b(?:fsync|fdatasync)\\(\\d+<([^>]*)>");

	@Test
	void forcesAcceptedCallsAndResultsToDiskBeforeTheyAreSeen(@TempDir Path directory) throws Exception {
		List<Interval> intervals = trace(directory, "sync");

		assertThat(intervals).hasSize(2 * CALLS);
		assertThat(intervals).allSatisfy((interval) -> assertThat(interval.syncs())
			.as("syncs of the store's files between %s-%d and the next mark", interval.from(), interval.index())
			.isPositive());
	}

	@Test
	void forcesNothingWhenDurabilityIsRelaxed(@TempDir Path directory) throws Exception {
		List<Interval> intervals = trace(directory, "relaxed");

		assertThat(intervals).hasSize(2 * CALLS);
		assertThat(intervals).allSatisfy((interval) -> assertThat(interval.syncs()).isZero());
	}

	/**
	 * Runs the probe under {@code strace} and counts, for each call, the syncs of files in the store's
	 * directory from {@code accepting} to {@code accepted} and from {@code ran} to {@code seen}.
	 */
	private static List<Interval> trace(Path directory, String durability) throws Exception {
		Path store = directory.resolve("store");
		Path trace = directory.resolve("strace.txt");
		List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-y", "-o", trace.toString(), "-e",
				"trace=access,faccessat,faccessat2,fsync,fdatasync", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), SyncProbeApplication.class.getName(),
				Integer.toString(CALLS), "--dispatch.scheduler.embedded.directory=" + store,
				"--dispatch.scheduler.durability=" + durability, "--spring.main.banner-mode=off"));
		Path log = directory.resolve("probe.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)).as("probe finished").isTrue();
		assertThat(process.exitValue()).as("probe exit code, see " + log).isZero();
		assertThat(Files.readString(log)).contains("probe done");
		return intervals(trace, store.toAbsolutePath().toString());
	}

	/**
	 * Each interval stays open until its own closing mark: the function may run, on a scheduler thread,
	 * before the dispatching thread marks the id as accepted, so the two kinds of interval overlap.
	 */
	private static List<Interval> intervals(Path trace, String store) throws IOException {
		List<Interval> intervals = new ArrayList<>();
		Map<String, Interval> open = new LinkedHashMap<>();
		for (String line : Files.readAllLines(trace)) {
			Matcher mark = MARK.matcher(line);
			if (mark.find()) {
				String name = mark.group(1);
				int index = Integer.parseInt(mark.group(2));
				switch (name) {
					case "accepting", "ran" -> open.put(name + index, new Interval(name, index, 0));
					case "accepted" -> close(open.remove("accepting" + index), intervals);
					case "seen" -> close(open.remove("ran" + index), intervals);
					default -> throw new IllegalStateException("unknown mark " + name);
				}
				continue;
			}
			Matcher sync = SYNC.matcher(line);
			if (sync.find() && sync.group(1).startsWith(store)) {
				open.replaceAll((key, interval) -> new Interval(interval.from(), interval.index(), interval.syncs() + 1));
			}
		}
		return intervals;
	}

	private static void close(@Nullable Interval interval, List<Interval> intervals) {
		if (interval != null) {
			intervals.add(interval);
		}
	}

	private record Interval(String from, int index, int syncs) {
	}

}
