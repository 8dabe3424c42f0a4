package io.github.dispatchspring.bench.restate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a Restate server keeps its log and whether the log is synced, read from the configuration
 * the server itself resolves ({@code --dump-config}) for the harness's configuration file.
 *
 * <p>Restate records every step of an invocation in its log (Bifrost) before acting on it; the
 * partition store is rebuilt from the log, so the log's sync decides what survives a crash. With
 * the {@code replicated} provider the log lives in the log-server's RocksDB, with {@code local} in
 * Bifrost's own RocksDB; either is synced when its write-ahead log is on and fsynced per batch.
 * The log-server's write-ahead log has no switch (the dump leaves {@code rocksdb-disable-wal} out).
 */
record RestateDurability(String version, String provider, String replication, String logSection,
		String walDisabled, String walFsyncDisabled) {

	private static final long OUTPUT_TIMEOUT_SECONDS = 30;
	private static final String TOP_LEVEL = "";
	private static final String NO_SWITCH = "";

	static RestateDurability of(Path binary, Path configFile) throws IOException, InterruptedException {
		String version = output(List.of(binary.toString(), "--version")).strip();
		var settings =
				settings(output(List.of(binary.toString(), "--config-file", configFile.toString(),
						"--dump-config")));
		String provider = setting(settings, "bifrost", "default-provider", "(unset)");
		String logSection =
				switch (provider) {
					case "replicated" -> "log-server";
					case "local" -> "bifrost.local";
					default -> "(no durable log)";
				};
		return new RestateDurability(
				version,
				provider,
				setting(settings, TOP_LEVEL, "default-replication", "(unset)"),
				logSection,
				setting(settings, logSection, "rocksdb-disable-wal", NO_SWITCH),
				setting(settings, logSection, "rocksdb-disable-wal-fsync", "false"));
	}

	/** Whether the log is on disk (write-ahead log on, fsynced on every batch). */
	boolean isDurable() {
		return !logSection.startsWith("(")
				&& (walDisabled.equals(NO_SWITCH) || walDisabled.equals("false"))
				&& walFsyncDisabled.equals("false");
	}

	String describe() {
		return version + ": bifrost.default-provider=" + provider
				+ ", default-replication=" + replication
				+ (walDisabled.equals(NO_SWITCH) ? "" : ", " + logSection + ".rocksdb-disable-wal=" + walDisabled)
				+ ", " + logSection + ".rocksdb-disable-wal-fsync=" + walFsyncDisabled;
	}

	/** The settings of a TOML dump by section ("" for the top level), values unquoted. */
	private static Map<String, Map<String, String>> settings(String toml) {
		var sections = new HashMap<String, Map<String, String>>();
		String section = TOP_LEVEL;
		for (String raw : toml.split("\n")) {
			String line = raw.strip();
			if (line.startsWith("[") && line.endsWith("]")) {
				section = line.substring(1, line.length() - 1).strip();
				continue;
			}
			int equals = line.indexOf('=');
			if (equals > 0 && !line.startsWith("#")) {
				String value = line.substring(equals + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				sections.computeIfAbsent(section, name -> new HashMap<>())
						.put(line.substring(0, equals).strip(), value);
			}
		}
		return sections;
	}

	private static String setting(Map<String, Map<String, String>> settings, String section,
			String key, String absent) {
		return settings.getOrDefault(section, Map.of()).getOrDefault(key, absent);
	}

	private static String output(List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("restate-output-", ".txt");
		var process =
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			boolean exited = process.waitFor(OUTPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			String text = Files.readString(output);
			if (!exited || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
			}
			return text;
		} finally {
			process.destroyForcibly();
			Files.deleteIfExists(output);
		}
	}
}
