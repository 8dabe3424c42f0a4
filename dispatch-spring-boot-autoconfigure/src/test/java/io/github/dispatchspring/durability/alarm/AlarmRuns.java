package io.github.dispatchspring.durability.alarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The file in which the runs of {@code ring} record what they did, a line per event with the
 * process and the time, appended and forced to disk before the run goes on, so that a killed
 * process loses none of them.
 */
@Component
public class AlarmRuns {

	private final Path file;

	public AlarmRuns(@Value("${alarm.runs}") Path file) {
		this.file = file;
	}

	void record(Event event) {
		String line = event + " " + ProcessHandle.current().pid() + " " + Instant.now().toEpochMilli() + "\n";
		try {
			Files.writeString(this.file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads what the runs recorded in a file, in order.
	 * @param file the file
	 * @return the records, none if the file does not exist yet
	 */
	public static List<Record> read(Path file) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(Record::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a run of {@code ring} did.
	 */
	public enum Event {

		/** The run reached the sleep. */
		SLEEPING,

		/** The run got past the sleep. */
		WOKE

	}

	/**
	 * One event of a run.
	 *
	 * @param event what the run did
	 * @param pid the process the run was in
	 * @param at when, by the system clock
	 */
	public record Record(Event event, long pid, Instant at) {

		static Record parse(String line) {
			String[] fields = line.split(" ");
			return new Record(Event.valueOf(fields[0]), Long.parseLong(fields[1]),
					Instant.ofEpochMilli(Long.parseLong(fields[2])));
		}

	}

}
