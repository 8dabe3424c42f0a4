package io.github.dispatchspring.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where tests put what they measured: printed, and appended to
 * {@code target/durability-measurements.txt}. Measurements are reported, never asserted.
 */
public final class Measurements {

	private Measurements() {
	}

	/**
	 * Records one measurement.
	 * @param line what was measured, with its unit
	 */
	public static void record(String line) {
		System.out.println(line);
		Path file = Path.of(System.getProperty("basedir", "."), "target", "durability-measurements.txt");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
