package io.github.dispatchspring.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.model.Billing.Delay;
import io.github.dispatchspring.model.Billing.Invoice;
import io.github.dispatchspring.signature.Ed25519Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The programming model of an application whose calls go to a remote Dispatch API: another
 * application, here a scheduler with no functions of its own, keeps and runs them, calling back
 * this application's webhook with signed requests. What the protocol carries works as on the
 * embedded scheduler; what it does not carry (a call's status, an idempotency key, the status a
 * failed call ended with) is refused or reported as the README says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteApiProgrammingModelTests {

	private static final String API_KEY = "remote-programming-model-key";

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private ConfigurableApplicationContext scheduler;

	private ConfigurableApplicationContext application;

	private DispatchClient client;

	private Billing billing;

	@BeforeAll
	void start(@TempDir Path store) throws NoSuchAlgorithmException {
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		int schedulerPort = freePort();
		int applicationPort = freePort();
		String endpoint = "http://127.0.0.1:" + applicationPort;
		this.scheduler = new SpringApplicationBuilder(RemoteScheduler.class).web(WebApplicationType.SERVLET)
			.run("--server.address=127.0.0.1", "--server.port=" + schedulerPort, "--dispatch.api-key=" + API_KEY,
					"--dispatch.signing-key=" + Ed25519Keys.toBase64(keys.getPrivate()),
					"--dispatch.scheduler.allowed-endpoints=" + endpoint,
					"--dispatch.scheduler.embedded.directory=" + store);
		this.application = new SpringApplicationBuilder(ProgrammingModelTests.ModelApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--server.address=127.0.0.1", "--server.port=" + applicationPort, "--dispatch.endpoint-url=" + endpoint,
					"--dispatch.api-url=http://127.0.0.1:" + schedulerPort, "--dispatch.api-key=" + API_KEY,
					"--dispatch.verification-key=" + Ed25519Keys.toBase64(keys.getPublic()));
		this.client = this.application.getBean(DispatchClient.class);
		this.billing = this.application.getBean(Billing.class);
	}

	@AfterAll
	void stop() {
		this.application.close();
		this.scheduler.close();
	}

	@Test
	void readsResultsOfAGenericType() {
		List<Invoice> invoices = this.client.function(Billing::invoices).call("remote");
		assertThat(invoices).extracting(Invoice::customer).containsExactly("remote", "remote");
		DispatchId id = this.client.dispatch("invoices", "awaited");
		assertThat(this.client.await(id, new ParameterizedTypeReference<List<Invoice>>() {
		}, TIMEOUT).get(1).amount()).isEqualByComparingTo("2.25");
	}

	@Test
	void completesFuturesWithResultsAndEveryFailure() throws Exception {
		DispatchId id = this.client.dispatch("rejects", "future");
		assertThat(this.client.awaitAsync(id, String.class, TIMEOUT).get()).isEqualTo("future");
		ProgrammingModelTests.assertFailsAtEveryBadInput(this.client);
	}

	@Test
	void reportsAFailedCallAsAPermanentErrorSinceTheProtocolDoesNotCarryItsStatus() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.gather("rejects", List.of("a", "bad-1", "bad-2"), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCallStatus()).isEqualTo(DispatchStatus.PERMANENT_ERROR);
				assertThat(ex.getFailures()).extracting(CallFailedException.Failure::index).containsExactly(1, 2);
				assertThat(ex.getFailures().get(0).message()).isEqualTo("cannot take bad-1");
			});
	}

	@Test
	void sleepsDurablyAndReturnsTheFirstResultsInsideFunctions() {
		String key = "remote-" + System.nanoTime();
		assertThat(this.client.function(Billing::naps).call(key)).containsExactly(key + "-before", key + "-after");
		assertThat(this.billing.runs.get("woke:" + key)).as("runs past the sleep").isEqualTo(2);
		List<Delay> delays = List.of(new Delay(key + "-slow", 1500, false), new Delay(key + "-fails", 300, true),
				new Delay(key + "-fast", 600, false));
		assertThat(this.client.function(Billing::firstInside).call(delays)).containsExactly(key + "-fast",
				"failed at 1", key + "-fast");
		assertThat(this.client.any("delayed", delays, String.class)).isEqualTo(key + "-fast");
	}

	@Test
	void refusesTheStatusOfACall() {
		DispatchId id = this.client.dispatch("rejects", "status");
		assertThatExceptionOfType(DispatchException.class).isThrownBy(() -> this.client.status(id))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(DispatchStatus.PERMISSION_DENIED))
			.withMessageContaining("remote Dispatch scheduler, whose API does not tell it");
	}

	@Test
	void refusesAnIdempotencyKey() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.client.dispatch("rejects", "once", DispatchOptions.idempotencyKey("once")))
			.withMessageStartingWith("A remote Dispatch API takes no idempotency key");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A scheduler with its Dispatch API and no functions of its own. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RemoteScheduler {

	}

}
