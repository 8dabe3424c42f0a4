package io.github.dispatchspring.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dispatchspring.durability.draw.DrawApplication;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.testsupport.WireClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client saw before the application was killed is what it sees after the restart. An
 * application on the embedded store is killed with {@code SIGKILL} at a random moment, five times,
 * while a client dispatches calls through the Dispatch API and waits for each with {@code Wait}, and
 * while the application itself awaits calls it dispatched. Each call draws a random value, so a call
 * that ran again after its result was seen would show another one. After each restart every result
 * seen so far, through {@code Wait} or {@code await}, is read again and compared; at the end every
 * call the API accepted has ended.
 */
class ObservedResultsTests {

	private static final int KILLS = 5;

	private static final int BATCH = 10;

	private static final String API_KEY = "observed-results-test-key";

	private static final Pattern STARTED = Pattern.compile("Started DrawApplication in");

	private static final Pattern AWAITED = Pattern.compile("Awaited (\\S+) = (\\S+)");

	private static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	private static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	private final ValueCodec codec = new ValueCodec(new JsonMapper());

	private final Map<String, CallResult> waited = new ConcurrentHashMap<>();

	private final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private final Map<String, String> awaited = new HashMap<>();

	@Test
	void showsTheSameResultsAfterEachRestart(@TempDir Path directory) throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int port = freePort();
		WireClient wire = new WireClient(port);
		List<Integer> killedAfterMillis = new ArrayList<>();
		for (int run = 0; run < KILLS; run++) {
			try (JavaProcess application = start(directory, port, run)) {
				application.awaitLine(STARTED, Duration.ofMinutes(2));
				assertSeenAgain(wire);
				CompletableFuture<Void> client = CompletableFuture.runAsync(() -> dispatchAndWait(wire, port));
				int killAfter = 500 + random.nextInt(2500);
				Thread.sleep(killAfter);
				application.kill();
				killedAfterMillis.add(killAfter);
				client.get(1, TimeUnit.MINUTES);
				this.awaited.putAll(awaitedResults(application.lines()));
			}
		}
		try (JavaProcess application = start(directory, port, KILLS)) {
			application.awaitLine(STARTED, Duration.ofMinutes(2));
			assertSeenAgain(wire);
			for (String id : this.accepted) {
				assertThat(waitFor(wire, id)).as("result of accepted call " + id).isNotNull();
			}
		}

		assertThat(this.waited).as("results seen through Wait").isNotEmpty();
		assertThat(this.awaited).as("results seen through await").isNotEmpty();
		Measurements.record(String.format("observed results (seed %d): kills after %s ms; %d results seen through "
				+ "Wait and %d through await before kills, all the same after restarts; %d calls accepted, all ended",
				seed, killedAfterMillis, this.waited.size(), this.awaited.size(), this.accepted.size()));
	}

	private JavaProcess start(Path directory, int port, int run) {
		return JavaProcess.start("draws-" + run, List.of("-Xmx256m"), DrawApplication.class,
				List.of("--server.address=127.0.0.1", "--server.port=" + port,
						"--dispatch.endpoint-url=http://127.0.0.1:" + port, "--dispatch.api-key=" + API_KEY,
						"--dispatch.scheduler.embedded.directory=" + directory, "--draws.await=true"));
	}

	/** Dispatches batches of calls and waits for each result, until the application is gone. */
	private void dispatchAndWait(WireClient wire, int port) {
		try {
			for (int batch = 0;; batch++) {
				for (String id : dispatch(wire, port, batch)) {
					this.accepted.add(id);
					CallResult result = waitFor(wire, id);
					if (result != null) {
						this.waited.put(id, result);
					}
				}
			}
		}
		catch (UncheckedIOException ex) {
			// the application was killed
		}
	}

	private List<String> dispatch(WireClient wire, int port, int batch) {
		DispatchRequest.Builder request = DispatchRequest.newBuilder();
		for (int i = 0; i < BATCH; i++) {
			request.addCalls(Call.newBuilder()
				.setFunction("draw")
				.setEndpoint("http://127.0.0.1:" + port)
				.setInput(this.codec.encode(batch * BATCH + i)));
		}
		HttpResponse<byte[]> response = wire.post(DISPATCH, request.build(), "Authorization", "Bearer " + API_KEY);
		assertThat(response.statusCode()).as("status of a Dispatch request").isEqualTo(200);
		return WireClient.message(response, DispatchResponse.parser()).getDispatchIdsList();
	}

	private static @Nullable CallResult waitFor(WireClient wire, String id) {
		HttpResponse<byte[]> response = wire.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain",
				"Authorization", "Bearer " + API_KEY);
		return (response.statusCode() == 200) ? WireClient.message(response, CallResult.parser()) : null;
	}

	private void assertSeenAgain(WireClient wire) {
		await("the Dispatch API answering").atMost(Duration.ofMinutes(1))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> wire.post(WAIT, "unknown".getBytes(StandardCharsets.UTF_8), "text/plain", "Authorization",
					"Bearer " + API_KEY)
				.statusCode() == 404);
		this.waited.forEach((id, result) -> assertThat(waitFor(wire, id)).as("result of " + id + " through Wait")
			.isEqualTo(result));
		this.awaited.forEach((id, value) -> {
			CallResult result = waitFor(wire, id);
			assertThat(result).as("result of " + id + " awaited in the application").isNotNull();
			assertThat(this.codec.decode(result.getOutput(), String.class)).as("result of " + id).isEqualTo(value);
		});
	}

	private static Map<String, String> awaitedResults(List<String> lines) {
		Map<String, String> results = new HashMap<>();
		for (String line : lines) {
			Matcher matcher = AWAITED.matcher(line);
			if (matcher.find()) {
				results.put(matcher.group(1), matcher.group(2));
			}
		}
		return results;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
