package io.github.dispatchspring.durable;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.github.dispatchspring.durability.gather.Echoes;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.proto.Journal;
import io.github.dispatchspring.proto.PollResult;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.proto.Step;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals forged by whoever can reach the webhook, sent to a real server: the sizes they declare
 * are checked against what they hold before the function runs or anything is sized by them.
 */
// Unsigned requests are let in on purpose: what is checked is the journal of whoever can send one.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dispatch.webhook.allow-unsigned=true")
class ForgedJournalTests {

	private static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	private static final int HUGE = 1 << 27;

	@LocalServerPort
	private int port;

	private WireClient wire;

	@BeforeEach
	void connect() {
		this.wire = new WireClient(this.port);
	}

	@Test
	void refusesAJournalSuspendedAtAGatherOfMoreCallsThanItRecordsWithoutSizingAnythingByIt() {
		Journal forged = journal(gather(HUGE).setArrived(ByteString.copyFrom(new byte[1])).build());
		long allocatedBefore = allocatedBytes();

		HttpResponse<byte[]> response = post(forged, CallResult.newBuilder().setCorrelationId(HUGE - 1L).build());

		long allocated = allocatedBytes() - allocatedBefore;
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).containsEntry("code", "invalid_argument");
		assertThat(error(response).get("message")).contains("step 1 declares 134217728 calls but records arrivals for 8");
		// Anything sized by the declared 2^27 calls (an arrival bit per call alone is 16 MiB) would
		// show in what the whole JVM allocated while the request was answered.
		assertThat(allocated).as("bytes allocated by all threads while answering").isLessThan(16L << 20);
		assertThat(this.wire.post(RUN, RunRequest.newBuilder().setFunction("echo").setInput(Any.pack(Int64Value.of(7))).build())
			.statusCode()).as("a well-formed request after the forged one").isEqualTo(200);
	}

	@Test
	void endsTheCallWhenAForgedRefusedGatherDeclaresOtherCallsThanTheFunctionAsksFor() {
		Journal forged = journal(gather(1).setArrived(ByteString.copyFrom(new byte[1])).build()).toBuilder()
			.setSuspendedAt(2)
			.putSteps(1, gather(HUGE).setError(Error.newBuilder().setType("Refused")).build())
			.putSteps(2, gather(1).setArrived(ByteString.copyFrom(new byte[] { 1 })).build())
			.build();

		RunResponse response = resume(forged);

		assertThat(response.getStatus()).isEqualTo(Status.STATUS_PERMANENT_ERROR);
		assertThat(response.getExit().getResult().getError().getMessage())
			.contains("step 1 was a gather of 134217728 calls to echo, this run asks for a gather of 1 call to echo");
	}

	private RunResponse resume(Journal forged, CallResult... results) {
		HttpResponse<byte[]> response = post(forged, results);
		assertThat(response.statusCode()).isEqualTo(200);
		return message(response, RunResponse.parser());
	}

	private HttpResponse<byte[]> post(Journal forged, CallResult... results) {
		RunRequest request = RunRequest.newBuilder()
			.setFunction("gatherEchoes")
			.setDispatchId("forged")
			.setRootDispatchId("forged")
			.setPollResult(PollResult.newBuilder().setTypedCoroutineState(Any.pack(forged)).addAllResults(List.of(results)))
			.build();
		assertThat(request.getSerializedSize()).isLessThan(1024);
		return this.wire.post(RUN, request);
	}

	private static long allocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter((bytes) -> bytes > 0).sum();
	}

	private static Journal journal(Step pending) {
		return Journal.newBuilder()
			.setInput(Any.pack(Int64Value.of(1)))
			.setResults(Journal.Results.RESULTS_IN_JOURNAL)
			.setSuspendedAt(1)
			.putSteps(1, pending)
			.build();
	}

	private static Step.Builder gather(int size) {
		return Step.newBuilder()
			.setKind(Step.Kind.KIND_GATHER)
			.setSize(size)
			.addFunctions("echo")
			.setFingerprint(ByteString.copyFrom(new byte[8]));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Echoes.class)
	static class ForgeryTestApplication {

	}

}
