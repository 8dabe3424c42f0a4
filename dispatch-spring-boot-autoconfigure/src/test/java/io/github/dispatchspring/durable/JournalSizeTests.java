package io.github.dispatchspring.durable;

import java.net.http.HttpResponse;

import com.google.protobuf.Any;
import com.google.protobuf.Int64Value;
import io.github.dispatchspring.durability.gather.Echoes;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function run over the webhook by a scheduler that does not share this application's store
 * carries its gathers in the journal, which never grows past what the webhook accepts back.
 */
// Unsigned requests are let in on purpose: the test plays the foreign scheduler that sends them.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.max-request-size=4KB", "dispatch.webhook.allow-unsigned=true" })
class JournalSizeTests {

	@LocalServerPort
	private int port;

	@Test
	void failsTheCallInsteadOfHandingBackAJournalTheWebhookWouldRefuse() {
		RunRequest request = RunRequest.newBuilder()
			.setFunction("gatherEchoes")
			.setDispatchId("from-another-scheduler")
			.setRootDispatchId("from-another-scheduler")
			.setInput(Any.pack(Int64Value.of(40_000)))
			.build();

		HttpResponse<byte[]> response = new WireClient(this.port).post("/dispatch.sdk.v1.FunctionService/Run", request);

		assertThat(response.statusCode()).isEqualTo(200);
		RunResponse run = message(response, RunResponse.parser());
		assertThat(run.hasPoll()).isFalse();
		assertThat(run.getStatus()).isEqualTo(Status.STATUS_PERMANENT_ERROR);
		assertThat(run.getExit().getResult().getError().getType()).isEqualTo("JournalTooLarge");
		assertThat(run.getExit().getResult().getError().getMessage())
			.contains("more than the 4096 bytes the webhook accepts back (dispatch.max-request-size)");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Echoes.class)
	static class JournalSizeTestApplication {

	}

}
