package io.github.dispatchspring.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.security.MalformedRequests.FuzzRequest;
import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of malformed and mutated requests over HTTP to the webhook and the Dispatch API of a
 * running application, which trusts the fuzz's signing key and API key, while real calls run: every
 * answer is a 4xx, or a 200 with a message that parses when the mutation happened to be valid; the
 * application keeps serving, and every call, real or accepted from the fuzz, ends. Raw-socket
 * requests (lying lengths, bad chunks, slow bodies) are sent at the same time.
 * {@link MalformedRequestWithoutKeysFuzzTests} sends the same to an application without keys.
 * <p>
 * The seed is printed; {@code -Ddispatch.fuzz.seed=...} replays a run's requests.
 */
@SpringBootTest(classes = FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.verification-key=" + MalformedRequestFuzzTests.VERIFICATION_KEY,
				"dispatch.signing-key=" + MalformedRequestFuzzTests.SIGNING_KEY,
				"dispatch.api-key=" + MalformedRequestFuzzTests.API_KEY, "dispatch.max-request-size=64KB",
				"dispatch.api.max-input-size=4KB", "dispatch.api.max-calls-per-request=64",
				"dispatch.defaults.timeout=10s", "dispatch.defaults.retry.max-attempts=3",
				"dispatch.defaults.retry.initial-interval=10ms", "dispatch.defaults.retry.max-interval=50ms" })
class MalformedRequestFuzzTests {

	/** RFC 9421 Appendix B.1.4 test key, raw 32-byte seed. */
	static final String SIGNING_KEY = "n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=";

	/** RFC 9421 Appendix B.1.4 test key, raw 32-byte public key. */
	static final String VERIFICATION_KEY = "JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

	static final String API_KEY = "fuzz-api-key";

	private static final long SEED = Long.getLong("dispatch.fuzz.seed", 9421_9530L);

	private static final int REQUESTS = 12_000;

	private static final int WORKERS = 4;

	private static final int REAL_CALLS = 200;

	private static final Duration AWAIT = Duration.ofMinutes(2);

	private static final Map<String, Set<Integer>> EXPECTED = Map.of("run/unsigned", Set.of(401), "run/tampered",
			Set.of(403), "run/oversized", Set.of(413), "dispatch/oversized", Set.of(413), "run/method", Set.of(405),
			"dispatch/method", Set.of(405), "dispatch/bad-authorization", Set.of(400, 401), "run/replayed",
			Set.of(200));

	/**
	 * What an application without keys answers, whatever the request: nothing reaches a parser. A 400
	 * that is not a Connect error comes from the web server, which refused the HTTP message itself.
	 */
	private static final Set<Integer> REFUSED = Set.of(401, 403, 405, 415);

	private static final Set<Integer> CONNECT_ERRORS = Set.of(401, 403, 404, 413, 415, 429);

	@LocalServerPort
	private int port;

	@Autowired
	private DispatchClient client;

	@Autowired
	private CallSubmitter submitter;

	@Autowired
	private ValueCodec codec;

	@Autowired
	private FunctionRunner runner;

	@Autowired
	private SchedulerKeys schedulerKeys;

	private final SigningKeyPair keys = new SigningKeyPair(Ed25519Keys.parseSigningKey(SIGNING_KEY),
			Ed25519Keys.parseVerificationKey(VERIFICATION_KEY));

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final FuzzReport report = new FuzzReport();

	private final AtomicInteger raw = new AtomicInteger();

	/**
	 * Whether the application trusts the fuzz's signing key and API key.
	 * @return {@code true} when requests signed or authorized by the fuzz reach the parsers
	 */
	boolean trustsTheFuzz() {
		return true;
	}

	/**
	 * How many requests the HTTP client sends.
	 * @return the number of requests
	 */
	int requests() {
		return REQUESTS;
	}

	@Test
	void malformedRequestsAreRefusedWith4xxWhileCallsKeepRunning() throws Exception {
		System.out.println("Fuzz seed: " + SEED + " (replay with -Ddispatch.fuzz.seed=" + SEED + ")");
		List<RealCall> realCalls = new ArrayList<>(dispatchRealCalls(0, REAL_CALLS / 2, Turn.NOW));
		realCalls.addAll(fuzzWhileDispatching(REAL_CALLS / 2, REAL_CALLS));
		System.out.println("Sent " + this.report.sent() + " malformed requests (" + this.raw.get()
				+ " of them on raw sockets); " + this.report.failureCount() + " broke the rules; answers by kind:\n"
				+ this.report.summary());
		assertThat(this.report.failures()).isEmpty();
		assertThat(this.report.sent()).isGreaterThanOrEqualTo(requests() * 5 / 6);
		if (trustsTheFuzz()) {
			assertThat(this.report.count("run/", 200)).as("valid mutations of run requests").isPositive();
			assertThat(this.report.count("dispatch/", 200)).as("valid mutations of dispatch requests").isPositive();
		}
		else {
			assertThat(this.report.count("", 200)).as("requests served without keys").isZero();
		}
		assertStillServing();
		for (RealCall call : realCalls) {
			assertThat(this.client.await(call.id(), call.expected().getClass(), AWAIT)).as(call.id().value())
				.isEqualTo(call.expected());
		}
		assertThat(this.submitter.await(this.report.acceptedCalls(), AWAIT))
			.allSatisfy((result) -> assertThat(result.getDispatchId()).isNotEmpty());
	}

	private List<RealCall> fuzzWhileDispatching(int from, int to) throws Exception {
		AtomicInteger progress = new AtomicInteger();
		AtomicBoolean fuzzing = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(WORKERS + 2);
		try {
			Spacing spacing = new Spacing(progress, fuzzing, requests() / (to - from + 1));
			Future<List<RealCall>> during = executor.submit(() -> dispatchRealCalls(from, to, spacing::awaitTurn));
			List<Future<?>> workers = new ArrayList<>();
			for (int worker = 0; worker < WORKERS; worker++) {
				MalformedRequests requests = malformedRequests(new Random(SEED + worker));
				workers.add(executor.submit(() -> fuzz(requests, requests() / WORKERS, progress)));
			}
			workers.add(executor.submit(() -> this.raw.set(rawRequests().send(new Random(SEED), 5))));
			for (Future<?> worker : workers) {
				worker.get(5, TimeUnit.MINUTES);
			}
			fuzzing.set(false);
			return during.get(1, TimeUnit.MINUTES);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Sends a request, again on a new connection when the pooled connection it went out on turns out
	 * to have been closed by the server after its previous answer: the request then never reached the
	 * application, and the client does not resend a POST by itself.
	 */
	private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			if (!String.valueOf(ex.getMessage()).contains("received no bytes")) {
				throw ex;
			}
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	private void fuzz(MalformedRequests requests, int count, AtomicInteger progress) {
		for (int i = 0; i < count; i++) {
			FuzzRequest request = requests.next();
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request.path()))
				.timeout(Duration.ofSeconds(30))
				.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
			request.headers().forEach(builder::header);
			request.repeatedHeaders().forEach((header) -> builder.header(header.getKey(), header.getValue()));
			try {
				check(request, send(builder.build()));
				for (int copy = 1; copy < request.copies(); copy++) {
					checkCopy(request, send(builder.build()));
				}
			}
			catch (IOException ex) {
				this.report.failed(request.kind() + ": " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			progress.incrementAndGet();
		}
	}

	private void checkCopy(FuzzRequest request, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		this.report.answered(request.kind() + "-copy", status);
		if (status != (trustsTheFuzz() ? 403 : 401) && !REFUSED.contains(status)) {
			this.report.failed(request.kind() + " sent again answered " + status);
		}
		else if (!isConnectError(response)) {
			this.report.failed(request.kind() + " sent again answered " + status + " without a Connect error");
		}
	}

	private void check(FuzzRequest request, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		this.report.answered(request.kind(), status);
		Set<Integer> expected = trustsTheFuzz() ? EXPECTED.get(request.kind()) : REFUSED;
		boolean refusedByTheServer = status == 400 && !isConnectError(response);
		if ((expected != null && !expected.contains(status) && !refusedByTheServer)
				|| (status != 200 && (status < 400 || status >= 500))) {
			this.report.failed(request.kind() + " answered " + status + ": " + new String(response.body(), 0,
					Math.min(300, response.body().length), StandardCharsets.UTF_8));
			return;
		}
		if (status == 200) {
			checkMessage(request, response);
		}
		else if (CONNECT_ERRORS.contains(status) && !isConnectError(response)) {
			this.report.failed(request.kind() + " answered " + status + " without a Connect error");
		}
	}

	private static boolean isConnectError(HttpResponse<byte[]> response) {
		String body = new String(response.body(), StandardCharsets.UTF_8);
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
				&& body.startsWith("{\"code\":\"") && body.contains("\"message\":");
	}

	private void checkMessage(FuzzRequest request, HttpResponse<byte[]> response) {
		try {
			if (!response.headers().firstValue("Content-Type").orElse("").equals("application/proto")) {
				this.report.failed(request.kind() + " answered 200 with " + response.headers().firstValue("Content-Type"));
			}
			else if (request.path().equals(MalformedRequests.RUN)) {
				RunResponse.parseFrom(response.body());
			}
			else if (request.path().equals(MalformedRequests.DISPATCH)) {
				this.report.accepted(DispatchResponse.parseFrom(response.body())
					.getDispatchIdsList()
					.stream()
					.map(DispatchId::new)
					.toList());
			}
			else {
				CallResult.parseFrom(response.body());
			}
		}
		catch (InvalidProtocolBufferException ex) {
			this.report.failed(request.kind() + " answered 200 with a malformed message: " + ex.getMessage());
		}
	}

	private RawRequestFuzz rawRequests() {
		Map<String, byte[]> valid = Map.of(MalformedRequests.RUN, runRequest("echo", "raw"), MalformedRequests.DISPATCH,
				dispatchRequest("echo", "raw"), MalformedRequests.WAIT, "0123456789abcdef".getBytes(StandardCharsets.UTF_8));
		return new RawRequestFuzz(this.port, new RequestSigner(this.keys.signingKey(), Clock.systemUTC()), API_KEY,
				64 * 1024, valid, trustsTheFuzz(), this.report);
	}

	private void assertStillServing() throws Exception {
		byte[] run = RunRequest.newBuilder()
			.setFunction("echo")
			.setInput(this.codec.encode("still here"))
			.build()
			.toByteArray();
		HttpRequest.Builder signed = HttpRequest.newBuilder(uri(MalformedRequests.RUN))
			.POST(HttpRequest.BodyPublishers.ofByteArray(run))
			.header("Content-Type", "application/proto");
		SigningKeyPair trusted = trustsTheFuzz() ? this.keys : this.schedulerKeys.loadOrCreate();
		new RequestSigner(trusted.signingKey(), Clock.systemUTC())
			.sign("POST", uri(MalformedRequests.RUN), "application/proto", run)
			.asMap()
			.forEach(signed::header);
		HttpResponse<byte[]> response = this.http.send(signed.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.codec.decode(RunResponse.parseFrom(response.body()).getExit().getResult().getOutput(),
				String.class))
			.isEqualTo("still here");
		HttpResponse<byte[]> dispatched = this.http.send(HttpRequest.newBuilder(uri(MalformedRequests.DISPATCH))
			.POST(HttpRequest.BodyPublishers.ofByteArray(dispatchRequest("echo", "dispatched")))
			.header("Content-Type", "application/proto")
			.header("Authorization", "Bearer " + API_KEY)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(dispatched.statusCode()).isEqualTo(trustsTheFuzz() ? 200 : 401);
		DispatchId id = trustsTheFuzz() ? new DispatchId(DispatchResponse.parseFrom(dispatched.body()).getDispatchIds(0))
				: this.client.dispatch("echo", "dispatched");
		assertThat(this.client.await(id, String.class, AWAIT)).isEqualTo("dispatched");
	}

	private List<RealCall> dispatchRealCalls(int from, int to, Turn turn) throws InterruptedException {
		List<RealCall> calls = new ArrayList<>();
		for (int i = from; i < to; i++) {
			turn.await();
			if (i % 2 == 0) {
				calls.add(new RealCall(this.client.dispatch("echo", "call " + i), "call " + i));
			}
			else {
				calls.add(new RealCall(this.client.dispatch("sumOfSquares", List.of(1, 2, i)), 5L + i * i));
			}
		}
		return calls;
	}

	private MalformedRequests malformedRequests(Random random) {
		List<String> functions = List.of("echo", "square", "sumOfSquares", "missing", "", "9lives", "a<b>.c",
				"echo\u0000", "x".repeat(3000));
		List<String> endpoints = List.of(localUrl(), localUrl() + "/", "http://127.0.0.1:1", "bridge://session",
				"arn:aws:lambda:us-east-1:123456789012:function:f", "ftp://localhost", "", "http://", "http://[::1",
				"https://localhost:" + "9".repeat(12), "x".repeat(3000));
		RandomMessages messages = new RandomMessages(random, functions, endpoints);
		return new MalformedRequests(messages, URI.create(localUrl()), this.keys, API_KEY, 64 * 1024,
				List.of(runRequest("echo", "hello"), runRequest("square", 7L),
						runRequest("sumOfSquares", List.of(1L, 2L, 3L)), resumeRequest()),
				List.of(dispatchRequest("echo", "hello"), dispatchRequest("square", 12L)));
	}

	private byte[] runRequest(String function, Object input) {
		return RunRequest.newBuilder()
			.setFunction(function)
			.setDispatchId("fuzz")
			.setInput(this.codec.encode(input))
			.build()
			.toByteArray();
	}

	private byte[] resumeRequest() {
		RunRequest first = RunRequest.newBuilder()
			.setFunction("sumOfSquares")
			.setInput(this.codec.encode(List.of(4L, 5L)))
			.build();
		Poll poll = this.runner.run(first, 1).getPoll();
		PollResult.Builder results = PollResult.newBuilder().setTypedCoroutineState(poll.getTypedCoroutineState());
		for (Call call : poll.getCallsList()) {
			results.addResults(CallResult.newBuilder()
				.setCorrelationId(call.getCorrelationId())
				.setOutput(this.codec.encode(16L)));
		}
		return first.toBuilder().setPollResult(results).build().toByteArray();
	}

	private byte[] dispatchRequest(String function, Object input) {
		return DispatchRequest.newBuilder()
			.addCalls(Call.newBuilder().setFunction(function).setEndpoint(localUrl()).setInput(this.codec.encode(input)))
			.build()
			.toByteArray();
	}

	private String localUrl() {
		return "http://localhost:" + this.port;
	}

	private URI uri(String path) {
		return URI.create(localUrl() + path);
	}

	/** Waits before a real call is dispatched. */
	@FunctionalInterface
	private interface Turn {

		Turn NOW = () -> {
		};

		void await() throws InterruptedException;

	}

	/** Spreads real calls over the fuzzing: each waits until the fuzz has sent some more requests. */
	private record Spacing(AtomicInteger progress, AtomicBoolean fuzzing, int requestsPerCall) {

		void awaitTurn() throws InterruptedException {
			int next = this.progress.get() + this.requestsPerCall;
			while (this.fuzzing.get() && this.progress.get() < next) {
				Thread.sleep(2);
			}
		}

	}

	private record RealCall(DispatchId id, Object expected) {
	}

}
