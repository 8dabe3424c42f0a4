package io.github.dispatchspring.samples.invoices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.dispatchspring.durability.JavaProcess;
import io.github.dispatchspring.durability.Measurements;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.scheduler.jdbc.StoredCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoices sample is killed with {@code SIGKILL} part-way through a job of 2,000 clients (on the
 * embedded store while {@code generateInvoices} gathers the invoices, on PostgreSQL while it gathers
 * the uploads), then started again on the same store to wait for that job: the job ends within a
 * minute of the restart, every call once, and its report lists every invoice once, in client order.
 * Leases and heartbeats are the defaults: the calls the killed run had leased are due as soon as the
 * restarted one opens the embedded store, or once the killed instance has been silent for the
 * instance timeout on PostgreSQL, not when their five-minute leases expire. Both runs listen on the
 * same port, as a restarted service does.
 */
class InvoicesCrashTests {

	private static final int CLIENTS = 2_000;

	private static final int FUNCTION_RUNS = 2 * CLIENTS;

	private static final Pattern DISPATCHED = Pattern.compile("Dispatched generateInvoices as (\\p{XDigit}+)");

	private static final Pattern COMPLETED = Pattern.compile("generateInvoices completed: " + CLIENTS
			+ " invoices uploaded");

	private final int port = freePort();

	@Test
	void embeddedStoreFinishesTheJobOfAKilledRun(@TempDir Path directory) {
		List<String> store = List.of("--dispatch.scheduler.embedded.directory=" + directory);
		KilledRun killed = dispatchAndKill("embedded", store, FUNCTION_RUNS / 10);
		awaitJob("embedded", store, killed);
		assertJobDoneOnce(StoredCalls.inEmbeddedStore(directory), killed.job());
	}

	@Test
	void postgresStoreFinishesTheJobOfAKilledRun() {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		List<String> store = List.of("--dispatch.scheduler.store=jdbc",
				"--dispatch.scheduler.jdbc.url=" + database.jdbcUrl(),
				"--dispatch.scheduler.jdbc.username=" + database.username(),
				"--dispatch.scheduler.jdbc.password=" + database.password());
		KilledRun killed = dispatchAndKill("postgres", store, FUNCTION_RUNS * 6 / 10);
		awaitJob("postgres", store, killed);
		assertJobDoneOnce(new StoredCalls(database.dataSource()), killed.job());
	}

	private KilledRun dispatchAndKill(String name, List<String> store, int killAfterRuns) {
		try (JavaProcess first = invoices(name + "-killed", store, List.of())) {
			String job = first.awaitLine(DISPATCHED, Duration.ofMinutes(2)).group(1);
			first.awaitLines(killAfterRuns + " function runs", Duration.ofMinutes(2),
					(lines) -> functionRuns(lines) >= killAfterRuns);
			first.kill();
			assertThat(functionRuns(first.lines())).as("function runs when killed").isLessThan(FUNCTION_RUNS * 9 / 10);
			assertThat(first.lines()).noneMatch((line) -> line.contains("generateInvoices completed"));
			return new KilledRun(job, functionRuns(first.lines()));
		}
	}

	private void awaitJob(String name, List<String> store, KilledRun killed) {
		long restarted = System.nanoTime();
		try (JavaProcess second = invoices(name + "-restarted", store, List.of("--invoices.job-id=" + killed.job()))) {
			second.awaitLine(COMPLETED, Duration.ofSeconds(60));
			long seconds = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();
			assertThat(second.awaitExit(Duration.ofMinutes(1))).as("exit code of " + second).isZero();
			long runs = killed.functionRuns() + functionRuns(second.lines());
			Measurements.record(String.format("invoices killed on the %s store after %d of %d function runs; "
					+ "%d ran again after the restart; the job ended %d s after the restart", name,
					killed.functionRuns(), FUNCTION_RUNS, runs - FUNCTION_RUNS, seconds));
		}
	}

	private JavaProcess invoices(String name, List<String> store, List<String> arguments) {
		List<String> common = List.of("--invoices.clients=" + CLIENTS, "--invoices.exit-when-done=true",
				"--server.port=" + this.port, "--server.address=127.0.0.1",
				"--logging.level.io.github.dispatchspring.samples.invoices.Invoicing=debug");
		return JavaProcess.start(name, List.of("-Xmx512m"), InvoicesApplication.class,
				Stream.of(common, store, arguments).flatMap(List::stream).toList());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long functionRuns(List<String> lines) {
		return lines.stream().filter((line) -> line.contains("Generated invoices/") || line.contains("Uploaded invoices/"))
			.count();
	}

	private static void assertJobDoneOnce(StoredCalls calls, String job) {
		assertThat(calls.rootCalls("generateInvoices")).containsExactly(job);
		assertThat(calls.state(job)).isEqualTo("DONE");
		InvoiceReport report = new ValueCodec(new JsonMapper()).decode(calls.result(job).getOutput(), InvoiceReport.class);
		assertThat(report.uploaded()).containsExactlyElementsOf(new ClientDirectory(CLIENTS).clientIds()
			.stream()
			.map((client) -> "invoices/2026-11/" + client + ".pdf")
			.toList());
		for (String function : List.of("generateInvoice", "uploadToS3")) {
			assertThat(calls.children(function, job)).as(function + " calls").isEqualTo(CLIENTS);
			assertThat(calls.count(function)).as(function + " calls in the store").isEqualTo(CLIENTS);
			assertThat(calls.results(function)).as(function + " results").isEqualTo(CLIENTS);
			assertThat(calls.distinctInputs(function)).as(function + " distinct inputs").isEqualTo(CLIENTS);
			assertThat(calls.errors(function)).as(function + " errors").isEmpty();
		}
		assertThat(calls.inboxSize()).as("results waiting in inboxes").isZero();
	}

	/** A run that was killed: the job it dispatched and how many functions it ran. */
	private record KilledRun(String job, long functionRuns) {
	}

}
