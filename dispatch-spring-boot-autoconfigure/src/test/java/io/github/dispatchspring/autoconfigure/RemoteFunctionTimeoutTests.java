package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.testsupport.ProtocolEndpoint;
import io.github.dispatchspring.testsupport.ProtocolEndpoint.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded scheduler cancels a run over HTTP at the timeout of the call's function, in an
 * application that serves no functions of its own, like a standalone scheduler.
 */
class RemoteFunctionTimeoutTests {

	@Test
	void cancelsARemoteRunAtTheTimeoutOfItsFunction() {
		CountDownLatch answer = new CountDownLatch(1);
		try (ProtocolEndpoint slow = ProtocolEndpoint.start((run) -> {
			awaitQuietly(answer);
			return Answer.of(RunResponse.newBuilder()
				.setStatus(Status.STATUS_OK)
				.setExit(Exit.newBuilder().setResult(CallResult.getDefaultInstance()))
				.build());
		})) {
			// Half a second, against the default four minutes: the endpoint answers only once the test
			// lets it, so only the function's own timeout can end the attempt within the wait.
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
				.withConfiguration(DispatchAutoConfigurations.all())
				.withPropertyValues("dispatch.scheduler.store=memory",
						"dispatch.scheduler.allowed-endpoints=" + slow.url(),
						"dispatch.functions.report.timeout=500ms", "dispatch.functions.report.retry.max-attempts=1")
				.run((context) -> {
					try {
						DispatchId id = context.getBean(CallSubmitter.class)
							.submit(List.of(Call.newBuilder().setFunction("report").setEndpoint(slow.url()).build()),
									null)
							.get(0);
						DispatchClient client = context.getBean(DispatchClient.class);
						await().atMost(Duration.ofMinutes(1))
							.until(() -> client.status(id).state() == CallStatus.State.DONE);
						assertThat(client.status(id).outcome()).isEqualTo(DispatchStatus.TIMEOUT);
					}
					finally {
						answer.countDown();
					}
				});
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
