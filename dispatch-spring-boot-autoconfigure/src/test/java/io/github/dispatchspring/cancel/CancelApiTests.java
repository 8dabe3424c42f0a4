package io.github.dispatchspring.cancel;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.CancelResponse;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dispatchspring.testsupport.WireClient.contentType;
import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Dispatch API's experimental {@code Cancel} method on a real server protected by an API key, and
 * a client of that API, in another application, cancelling through it.
 */
@SpringBootTest(classes = CancellationTests.SleepersApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.api-key=secret", "dispatch.scheduler.store=memory" })
class CancelApiTests {

	private static final String CANCEL = "/dispatch.sdk.v1.DispatchService/Cancel";

	private static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	private static final String[] AUTHORIZED = { "Authorization", "Bearer secret" };

	@LocalServerPort
	private int port;

	@Autowired
	private DispatchClient client;

	@Autowired
	private Sleepers sleepers;

	private WireClient wire;

	@BeforeEach
	void connect() {
		this.wire = new WireClient(this.port);
	}

	@Test
	void cancelsARunningCallAndAnswersWhatItDid() throws Exception {
		String key = "api-" + System.nanoTime();
		String id = running(key);

		HttpResponse<byte[]> response = cancel(id, "text/plain", AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(contentType(response)).isEqualTo("application/proto");
		assertThat(message(response, CancelResponse.parser()).getOutcome()).isEqualTo(CancelResponse.Outcome.CANCELLING);
		HttpResponse<byte[]> waited = this.wire.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain",
				AUTHORIZED);
		assertThat(message(waited, CallResult.parser()).getError().getType()).isEqualTo(Cancellation.ERROR_TYPE);
		assertThat(this.sleepers.interrupted).contains(key);
		assertThat(message(cancel(id, "application/proto", AUTHORIZED), CancelResponse.parser()).getOutcome())
			.isEqualTo(CancelResponse.Outcome.ENDED);
	}

	@Test
	void refusesACancelWithoutTheKeyAndLeavesTheCallRunning() throws Exception {
		String key = "unauthorized-" + System.nanoTime();
		String id = running(key);

		assertThat(cancel(id, "text/plain").statusCode()).isEqualTo(401);
		assertThat(cancel(id, "text/plain", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);

		assertThat(this.client.status(DispatchId.of(id)).endedAt()).isNull();
		assertThat(this.sleepers.interrupted).doesNotContain(key);
		assertThat(this.client.cancel(DispatchId.of(id))).isEqualTo(Cancellation.CANCELLING);
	}

	@Test
	void answersNotFoundForAnUnknownCall() {
		HttpResponse<byte[]> response = cancel("0123456789abcdef", "text/plain", AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response)).containsEntry("code", "not_found");
		assertThat(cancel("", "text/plain", AUTHORIZED).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAnotherContentType() {
		HttpResponse<byte[]> response = cancel("0123456789abcdef", "application/json", AUTHORIZED);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(error(response).get("message")).contains("text/plain");
	}

	@Test
	void aClientOfARemoteApiCancelsThroughIt() throws Exception {
		String key = "remote-" + System.nanoTime();
		DispatchId id = DispatchId.of(running(key));
		try (ConfigurableApplicationContext remote = new SpringApplicationBuilder(RemoteClientApplication.class)
			.web(WebApplicationType.NONE)
			.run("--dispatch.api-url=" + this.wire.baseUrl(), "--dispatch.api-key=secret")) {
			DispatchClient remoteClient = remote.getBean(DispatchClient.class);

			assertThat(remoteClient.cancel(id)).isEqualTo(Cancellation.CANCELLING);

			CancellationTests.await(() -> this.sleepers.interrupted.contains(key));
			CancellationTests.await(() -> this.client.status(id).endedAt() != null);
			assertThat(remoteClient.cancel(id)).isEqualTo(Cancellation.ENDED);
			assertThatExceptionOfType(DispatchException.class)
				.isThrownBy(() -> remoteClient.cancel(DispatchId.of("0123456789abcdef")))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.NOT_FOUND));
		}
	}

	private String running(String key) throws InterruptedException {
		String id = this.client.dispatch("sleeper", key).value();
		CancellationTests.await(() -> this.sleepers.started.contains(key));
		return id;
	}

	private HttpResponse<byte[]> cancel(String id, String contentType, String... headers) {
		return this.wire.post(CANCEL, id.getBytes(StandardCharsets.UTF_8), contentType, headers);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RemoteClientApplication {

	}

}
