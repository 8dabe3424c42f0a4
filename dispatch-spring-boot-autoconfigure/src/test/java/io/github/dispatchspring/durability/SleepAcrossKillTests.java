package io.github.dispatchspring.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.dispatchspring.durability.alarm.Alarm;
import io.github.dispatchspring.durability.alarm.AlarmApplication;
import io.github.dispatchspring.durability.alarm.AlarmRuns;
import io.github.dispatchspring.durability.alarm.AlarmRuns.Event;
import io.github.dispatchspring.durability.alarm.AlarmRuns.Record;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function sleeping three seconds durably survives a {@code SIGKILL} of its JVM during the sleep:
 * another JVM started on the same store runs it once more, at the time the sleep was to end and not
 * before, and that run gets past the sleep at once, without sleeping again from zero; the code after
 * the sleep runs once, and the result is seen through {@code await} and {@code status}. The function
 * records each run's events in a file, with the process and the time; the due time is read from the
 * store between the two JVMs.
 */
class SleepAcrossKillTests {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private static final Pattern SUSPENDED = Pattern.compile("Dispatched (\\S+) is SUSPENDED");

	@TempDir
	Path directory;

	@Test
	void embeddedStoreResumesTheSleepOnceAfterAKill() {
		Path store = this.directory.resolve("store");
		assertSleepSurvivesAKill("embedded", List.of("--dispatch.scheduler.embedded.directory=" + store),
				() -> StoredCalls.inEmbeddedStore(store));
	}

	@Test
	void postgresStoreResumesTheSleepOnceAfterAKill() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		StoredCalls calls = new StoredCalls(database.dataSource());
		assertSleepSurvivesAKill("postgres", database.storeArguments(), () -> calls);
	}

	/**
	 * The store is opened only once the killed JVM is gone, since the embedded store can be read only
	 * when no application has it open.
	 */
	private void assertSleepSurvivesAKill(String name, List<String> store, Supplier<StoredCalls> calls) {
		Path runs = this.directory.resolve("runs.txt");
		String id;
		Instant killed;
		try (JavaProcess sleeper = alarm(name + "-killed", store, runs, "--alarm.dispatch=wake-up")) {
			id = sleeper.awaitLine(SUSPENDED, STARTUP).group(1);
			sleeper.kill();
			killed = Instant.now();
		}
		List<Record> beforeKill = AlarmRuns.read(runs);
		assertThat(beforeKill).extracting(Record::event).containsExactly(Event.SLEEPING);
		Record firstRun = beforeKill.get(0);
		StoredCalls stored = calls.get();
		assertThat(stored.state(id)).isEqualTo("SUSPENDED");
		Instant due = stored.dueAt(id);
		assertThat(due).as("the sleep's end, fixed by the first run, before the kill")
			.isAfterOrEqualTo(firstRun.at().plus(Alarm.SLEEP))
			.isBeforeOrEqualTo(killed.plus(Alarm.SLEEP))
			.as("the kill came during the sleep")
			.isAfter(killed);

		try (JavaProcess restarted = alarm(name + "-restarted", store, runs, "--alarm.await=" + id)) {
			Matcher awaited = restarted.awaitLine(Pattern.compile("Awaited " + Pattern.quote(id) + " = (.+)$"), STARTUP);
			assertThat(awaited.group(1)).isEqualTo("wake-up rang");
			Matcher status = restarted.awaitLine(Pattern.compile("Status (\\S+) (\\S+) (\\S+)$"), STARTUP);
			assertThat(status.group(1)).isEqualTo("DONE");
			assertThat(status.group(2)).isEqualTo("OK");
			assertThat(Instant.parse(status.group(3))).isAfterOrEqualTo(due);

			List<Record> all = AlarmRuns.read(runs);
			assertThat(all).as("a run up to the sleep in the killed JVM, one through it after the restart")
				.extracting(Record::event)
				.containsExactly(Event.SLEEPING, Event.SLEEPING, Event.WOKE);
			Record resumed = all.get(1);
			Record woke = all.get(2);
			assertThat(resumed.pid()).isNotEqualTo(firstRun.pid()).isEqualTo(woke.pid());
			assertThat(resumed.at()).as("the resumed run starts when the sleep ends, not before").isAfterOrEqualTo(due);
		}
	}

	private static JavaProcess alarm(String name, List<String> store, Path runs, String job) {
		return JavaProcess.start(name, List.of("-Xmx256m"), AlarmApplication.class,
				Stream.concat(store.stream(), Stream.of("--alarm.runs=" + runs, job)).toList());
	}

}
