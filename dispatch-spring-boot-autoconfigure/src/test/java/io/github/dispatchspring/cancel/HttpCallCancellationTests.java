package io.github.dispatchspring.cancel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call in flight to a real HTTP endpoint that does not answer is abandoned when it is cancelled: it
 * ends cancelled while the endpoint still holds the request, long before the HTTP timeout.
 */
@SpringBootTest(classes = HttpCallCancellationTests.NoFunctionsApplication.class,
		webEnvironment = WebEnvironment.NONE, properties = "dispatch.scheduler.store=memory")
class HttpCallCancellationTests {

	private static final CountDownLatch received = new CountDownLatch(1);

	private static final CountDownLatch released = new CountDownLatch(1);

	private static final HttpServer endpoint = start();

	@Autowired
	private DispatchClient client;

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + endpoint.getAddress().getPort();
		registry.add("dispatch.endpoint-url", () -> url);
		registry.add("dispatch.scheduler.allowed-endpoints", () -> url);
	}

	@AfterAll
	static void stop() {
		released.countDown();
		endpoint.stop(0);
	}

	@Test
	void aCallInFlightIsAbandonedAndEndsCancelled() throws Exception {
		DispatchId id = this.client.dispatch("renderElsewhere", "report");
		assertThat(received.await(1, TimeUnit.MINUTES)).isTrue();

		assertThat(this.client.cancel(id)).isEqualTo(Cancellation.CANCELLING);

		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.await(id, String.class, CancellationTests.TIMEOUT))
			.satisfies((ex) -> assertThat(ex.isCancelled()).isTrue());
		assertThat(released.getCount()).as("the endpoint still holds the request").isOne();
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				received.countDown();
				try {
					released.await(Sleepers.LONG.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
			});
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NoFunctionsApplication {

	}

}
