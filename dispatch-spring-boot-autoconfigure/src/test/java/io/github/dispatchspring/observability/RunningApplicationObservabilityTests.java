package io.github.dispatchspring.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchCall;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running application on the embedded store with the actuator: the metrics of a fan-out add up,
 * refused requests are counted, and the health and the {@code dispatch} endpoint answer over HTTP.
 * The answers are kept in {@code target/watching-it-run/} as the README's samples. Each test runs
 * calls of functions of its own, so that the counts do not depend on the order of the tests.
 */
@SpringBootTest(classes = RunningApplicationObservabilityTests.FanOutApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,dispatch",
				"management.endpoint.health.show-details=always", "dispatch.defaults.retry.initial-interval=10ms",
				"spring.application.name=fan-out" })
class RunningApplicationObservabilityTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final Path SAMPLES = Path.of("target/watching-it-run");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	DispatchClient client;

	@Autowired
	SimpleMeterRegistry registry;

	@Value("${local.server.port}")
	int port;

	@Test
	void countsEveryCallOfAFanOutOnceAndEveryRetryAsAnAttempt() {
		DispatchId id = this.client.dispatch("fanOut", 100);
		assertThat(this.client.await(id, Integer.class, TIMEOUT)).isEqualTo(100);
		// A worker counts a call's end once its outcome is written, so the parent's result, written
		// after its children's, can be seen before the last children are counted.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(this::countedTheFanOut);
	}

	private void countedTheFanOut() {
		assertThat(count("dispatch.calls.accepted", "visit")).isEqualTo(100);
		assertThat(count("dispatch.calls.accepted", "fanOut")).isEqualTo(1);
		assertThat(count("dispatch.calls.ended", "visit")).isEqualTo(100);
		assertThat(count("dispatch.calls.ended", "fanOut")).isEqualTo(1);
		assertThat(this.registry.get("dispatch.calls.ended").tags("function", "visit", "status", "OK").counter().count())
			.isEqualTo(100);
		double retries = count("dispatch.calls.retries", "visit");
		assertThat(retries).isEqualTo(10);
		assertThat(this.registry.get("dispatch.calls.retries").tags("status", "TEMPORARY_ERROR").counter().count())
			.isEqualTo(10);
		assertThat(count("dispatch.calls.attempts", "visit")).isEqualTo(100 + retries);
		assertThat(timed("dispatch.calls.run", "visit")).isEqualTo(100 + (long) retries);
		assertThat(timed("dispatch.calls.queued", "visit")).isEqualTo(100);
		assertThat(timed("dispatch.calls.duration", "visit")).isEqualTo(100);
		double attempts = this.registry.get("dispatch.calls.attempts").counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(this.registry.get("dispatch.store.commit.size").tag("store", "embedded").summary().totalAmount())
			.isEqualTo(attempts);
		assertThat(gauge("dispatch.calls.running")).isZero();
		assertThat(gauge("dispatch.calls.leased")).isZero();
		assertThat(gauge("dispatch.calls.due")).isZero();
	}

	@Test
	void countsTheRequestsTheWebhookAndTheApiRefuse() throws Exception {
		assertThat(post(FunctionWebhookController.PATH, "application/proto").statusCode()).isEqualTo(401);
		assertThat(post(DispatchApiController.DISPATCH, "application/proto").statusCode()).isEqualTo(401);
		assertThat(post(DispatchApiController.DISPATCH, "text/plain").statusCode()).isEqualTo(415);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(requests("dispatch.webhook.requests", "status", "401", "outcome", "CLIENT_ERROR")).isEqualTo(1);
			assertThat(requests("dispatch.api.requests", "operation", "Dispatch", "status", "401")).isEqualTo(1);
			assertThat(requests("dispatch.api.requests", "operation", "Dispatch", "status", "415")).isEqualTo(1);
		});
	}

	private double requests(String name, String... tags) {
		Counter counter = Search.in(this.registry).name(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void answersTheHealthOfTheSchedulerOverHttp() throws Exception {
		this.client.await(this.client.dispatch("greet", "Ada"), String.class, TIMEOUT);

		JsonNode health = getJson("/actuator/health/dispatch", "health.json");

		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/store").asString()).isEqualTo("embedded");
		assertThat(health.at("/details/scheduler").asString()).isEqualTo("running");
		assertThat(health.at("/details/dueCalls").isNumber()).isTrue();
	}

	@Test
	void answersTheDispatchEndpointOverHttp() throws Exception {
		this.client.await(this.client.dispatch("greet", "Ada"), String.class, TIMEOUT);

		JsonNode report = getJson("/actuator/dispatch", "dispatch.json");

		assertThat(report.at("/functions/visit/input").asString()).isEqualTo("int");
		assertThat(report.at("/functions/fanOut/settings/retryMaxAttempts").asInt()).isEqualTo(20);
		assertThat(report.at("/scheduler/state").asString()).isEqualTo("running");
		assertThat(report.at("/functions/greet/input").asString()).isEqualTo("java.lang.String");
		assertThat(report.at("/calls/ended").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(report.at("/instances/0/application").asString()).isEqualTo("fan-out");
	}

	private double count(String name, String function) {
		return this.registry.get(name).tags("function", function, "store", "embedded").counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private long timed(String name, String function) {
		return this.registry.get(name).tag("function", function).timers().stream().mapToLong((timer) -> timer.count())
			.sum();
	}

	private double gauge(String name) {
		return Search.in(this.registry).name(name).tag("store", "embedded").gauge().value();
	}

	private HttpResponse<String> post(String path, String contentType) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 10, 0 }))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode getJson(String path, String sample) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonMapper json = JsonMapper.builder().build();
		JsonNode node = json.readTree(response.body());
		Files.createDirectories(SAMPLES);
		Files.writeString(SAMPLES.resolve(sample), json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
		return node;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Visits.class)
	static class FanOutApplication {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	static class Visits {

		private final DispatchClient client;

		Visits(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		public int fanOut(int calls) {
			List<Integer> inputs = IntStream.range(0, calls).boxed().toList();
			return this.client.gather("visit", inputs, Integer.class).size();
		}

		@DispatchFunction
		public String greet(String name) {
			return "Hello " + name;
		}

		@DispatchFunction
		public int visit(int index, DispatchCall call) {
			if (index % 10 == 0 && call.attempt() == 1) {
				throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, "the visited service is busy");
			}
			return index;
		}

	}

}
