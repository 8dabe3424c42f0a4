package io.github.dispatchspring.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A Java application started in a JVM of its own on this test JVM's class path, with its output in
 * a file under {@code target/process-logs}. Closing it kills the JVM if it is still running.
 */
public final class JavaProcess implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(20);

	private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

	private final String name;

	private final Process process;

	private final Path log;

	private JavaProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a JVM that runs the given main class.
	 * @param name a short name for messages and the log file
	 * @param jvmOptions options of the JVM, such as {@code -Xmx1g}
	 * @param mainClass the class whose {@code main} runs
	 * @param arguments the arguments of {@code main}
	 * @return the running process
	 */
	public static JavaProcess start(String name, List<String> jvmOptions, Class<?> mainClass, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(arguments);
		Path log = logFile(name);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new JavaProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
		}
	}

	private static Path logFile(String name) {
		Path directory = Path.of(System.getProperty("basedir", "."), "target", "process-logs");
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS"));
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory.resolve(name + "-" + stamp + ".log").toAbsolutePath();
	}

	/**
	 * The process id of the JVM.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * The file the process writes its standard output and error to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * The lines the process has written so far.
	 * @return the lines
	 */
	public List<String> lines() {
		try {
			return new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many lines the process has written that contain the given text.
	 * @param text the text
	 * @return the number of lines
	 */
	public long countLines(String text) {
		return lines().stream().filter((line) -> line.contains(text)).count();
	}

	/**
	 * Waits until the process writes a line that matches the pattern.
	 * @param pattern the pattern, found anywhere in the line
	 * @param timeout how long to wait at most
	 * @return the match, for its groups
	 * @throws AssertionError if the process ends or the time runs out first
	 */
	public Matcher awaitLine(Pattern pattern, Duration timeout) {
		return awaitUntil("a line matching '" + pattern + "'", timeout, () -> lines().stream()
			.map(pattern::matcher)
			.filter(Matcher::find)
			.findFirst());
	}

	/**
	 * Waits until a condition on the lines the process has written holds.
	 * @param description what is awaited, for the failure message
	 * @param timeout how long to wait at most
	 * @param condition the condition on the lines
	 * @throws AssertionError if the process ends or the time runs out first
	 */
	public void awaitLines(String description, Duration timeout, Predicate<List<String>> condition) {
		awaitUntil(description, timeout, () -> Optional.of(lines()).filter(condition));
	}

	private <T> T awaitUntil(String description, Duration timeout, Supplier<Optional<T>> probe) {
		Optional<T> found = await(this.name + " to write " + description + " (log: " + this.log + ")")
			.atMost(timeout)
			.pollInterval(POLL)
			.until(() -> {
				Optional<T> result = probe.get();
				if (result.isEmpty() && !this.process.isAlive()) {
					throw new AssertionError(this.name + " exited with " + this.process.exitValue() + " before writing "
							+ description + "; see " + this.log);
				}
				return result;
			}, Optional::isPresent);
		return found.get();
	}

	/**
	 * Waits for the process to exit by itself.
	 * @param timeout how long to wait at most
	 * @return the exit code
	 * @throws AssertionError if it is still running when the time is up
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(this.name + " did not exit within " + timeout + "; see " + this.log);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + this.name, ex);
		}
	}

	/**
	 * Kills the JVM at once, with {@code SIGKILL} on Linux, and waits until it is gone.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " (pid " + this.process.pid() + ") survived SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the JVM with {@code SIGTERM} on Linux, as a service manager does, and waits for it to
	 * exit.
	 * @param timeout how long to wait at most
	 * @return the exit code
	 * @throws AssertionError if it is still running when the time is up
	 */
	public int terminate(Duration timeout) {
		this.process.destroy();
		return awaitExit(timeout);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", log " + this.log + ")";
	}

}
