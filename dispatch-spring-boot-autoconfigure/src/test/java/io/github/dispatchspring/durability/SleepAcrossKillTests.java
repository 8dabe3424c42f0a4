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
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A function sleeping three seconds durably survives a {@code SIGKILL} of its JVM during the sleep:
 * another JVM on the same store, started again or running already, runs it once more, at the time
 * the sleep was to end and not before, and that run gets past the sleep at once, without sleeping
 * again from zero; the code after the sleep runs once, and the result is seen through {@code await}
 * and {@code status}, or in the store. The function records each run's events in a file, with the
 * process and the time; the due time is read from the store once the JVM is killed.
 */
class SleepAcrossKillTests {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private static final Pattern STARTED = Pattern.compile("Started AlarmApplication in");

	private static final Pattern SUSPENDED = Pattern.compile("Dispatched (\\S+) is SUSPENDED");

	private static final Pattern STATUS = Pattern.compile("Status (\\S+) (\\S+) (\\S+)$");

	@TempDir
	Path directory;

	@Test
	void embeddedStoreResumesTheSleepOnceAfterARestart() {
		Path store = this.directory.resolve("store");
		assertRestartResumesTheSleep("embedded", List.of("--dispatch.scheduler.embedded.directory=" + store),
				() -> StoredCalls.inEmbeddedStore(store));
	}

	@Test
	void postgresStoreResumesTheSleepOnceAfterARestart() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		StoredCalls calls = new StoredCalls(database.dataSource());
		assertRestartResumesTheSleep("postgres", database.storeArguments(), () -> calls);
	}

	/**
	 * Both instances may run the call's first run; the one that ran it is killed, and the other one
	 * resumes the call.
	 */
	@Test
	void anotherInstanceOnPostgresResumesTheSleepOfAKilledOne() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		StoredCalls calls = new StoredCalls(database.dataSource());
		try (JavaProcess idle = alarm("idle", database.storeArguments())) {
			idle.awaitLine(STARTED, STARTUP);
			Sleep sleep;
			try (JavaProcess dispatching = alarm("dispatching", database.storeArguments(), "--alarm.dispatch=wake-up")) {
				String id = dispatching.awaitLine(SUSPENDED, STARTUP).group(1);
				JavaProcess sleeper = (AlarmRuns.read(runs()).get(0).pid() == idle.pid()) ? idle : dispatching;
				sleeper.kill();
				sleep = killedDuringTheSleep(id, Instant.now(), calls);
				await("the other instance to end the call").atMost(STARTUP)
					.pollInterval(Duration.ofMillis(50))
					.until(() -> calls.state(id).equals("DONE"));
			}
			assertThat(new ValueCodec(new JsonMapper()).decode(calls.result(sleep.id()).getOutput(), String.class))
				.isEqualTo("wake-up rang");
			assertResumedOnceAtTheDueTime(sleep);
		}
	}

	private void assertRestartResumesTheSleep(String name, List<String> store, Supplier<StoredCalls> calls) {
		Sleep sleep = killDuringTheSleep(name + "-killed", store, calls);
		try (JavaProcess restarted = alarm(name + "-restarted", store, "--alarm.await=" + sleep.id())) {
			Matcher awaited = restarted.awaitLine(Pattern.compile("Awaited " + Pattern.quote(sleep.id()) + " = (.+)$"),
					STARTUP);
			assertThat(awaited.group(1)).isEqualTo("wake-up rang");
			Matcher status = restarted.awaitLine(STATUS, STARTUP);
			assertThat(status.group(1)).isEqualTo("DONE");
			assertThat(status.group(2)).isEqualTo("OK");
			assertThat(Instant.parse(status.group(3))).isAfterOrEqualTo(sleep.due());
			assertResumedOnceAtTheDueTime(sleep);
		}
	}

	/**
	 * Dispatches a call of {@code ring} in a JVM of its own and kills it with {@code SIGKILL} once the
	 * call sleeps. The store is read only once the JVM is gone, since the embedded store can be read
	 * only when no application has it open.
	 */
	private Sleep killDuringTheSleep(String name, List<String> store, Supplier<StoredCalls> calls) {
		try (JavaProcess sleeper = alarm(name, store, "--alarm.dispatch=wake-up")) {
			String id = sleeper.awaitLine(SUSPENDED, STARTUP).group(1);
			sleeper.kill();
			return killedDuringTheSleep(id, Instant.now(), calls.get());
		}
	}

	/**
	 * Checks what the store and the runs hold once the JVM of the call's first run is killed: the call
	 * sleeps, until a time fixed before the kill and still to come when it happened.
	 */
	private Sleep killedDuringTheSleep(String id, Instant killed, StoredCalls calls) {
		List<Record> beforeKill = AlarmRuns.read(runs());
		assertThat(beforeKill).extracting(Record::event).containsExactly(Event.SLEEPING);
		Record firstRun = beforeKill.get(0);
		assertThat(calls.state(id)).isEqualTo("SUSPENDED");
		Instant due = calls.dueAt(id);
		assertThat(due).as("the sleep's end, fixed by the first run, before the kill")
			.isAfterOrEqualTo(firstRun.at().plus(Alarm.SLEEP))
			.isBeforeOrEqualTo(killed.plus(Alarm.SLEEP))
			.as("the kill came during the sleep")
			.isAfter(killed);
		return new Sleep(id, firstRun, due);
	}

	/**
	 * The second run, in another JVM, started when the sleep was due and got past it, and nothing ran
	 * again: a sleep started again from zero would have suspended that run and made a third one.
	 */
	private void assertResumedOnceAtTheDueTime(Sleep sleep) {
		List<Record> all = AlarmRuns.read(runs());
		assertThat(all).as("a run up to the sleep in the killed JVM, one through it in another")
			.extracting(Record::event)
			.containsExactly(Event.SLEEPING, Event.SLEEPING, Event.WOKE);
		Record resumed = all.get(1);
		Record woke = all.get(2);
		assertThat(resumed.pid()).isNotEqualTo(sleep.firstRun().pid()).isEqualTo(woke.pid());
		assertThat(resumed.at()).as("the resumed run starts when the sleep ends, not before").isAfterOrEqualTo(sleep.due());
	}

	private JavaProcess alarm(String name, List<String> store, String... job) {
		return JavaProcess.start(name, List.of("-Xmx256m"), AlarmApplication.class,
				Stream.of(store.stream(), Stream.of("--alarm.runs=" + runs()), Stream.of(job)).flatMap((s) -> s).toList());
	}

	private Path runs() {
		return this.directory.resolve("runs.txt");
	}

	/**
	 * A call of {@code ring} whose JVM was killed while it slept.
	 *
	 * @param id its dispatch id
	 * @param firstRun what its first run recorded on reaching the sleep
	 * @param due when the sleep ends, as the store holds it
	 */
	private record Sleep(String id, Record firstRun, Instant due) {
	}

}
