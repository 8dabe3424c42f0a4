package io.github.dispatchspring.samples.scheduler;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.google.protobuf.Any;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.samples.scheduler.SdkShapedEndpoint.Pickles;
import io.github.dispatchspring.samples.scheduler.SdkShapedEndpoint.PythonState;
import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.RequestVerifier;
import io.github.dispatchspring.signature.SignatureVerificationException;
import io.github.dispatchspring.signature.SignedRequest;
import io.github.dispatchspring.signature.SigningKeyPair;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.github.dispatchspring.samples.scheduler.SdkShapedEndpoint.pickled;
import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The standalone scheduler drives an endpoint that answers as Go and Python Dispatch SDK functions do
 * ({@link SdkShapedEndpoint}), over real HTTP. The test uses the scheduler as an SDK user would: it
 * starts it with the endpoint allowed through {@code DISPATCH_SCHEDULER_ALLOWED_ENDPOINTS}, reads the
 * API URL, API key and verification key it prints, submits binary {@code DispatchRequest}s with that key
 * and waits for results through {@code Wait}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SdkEndpointInteropTests {

	private static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	private static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	private static SdkShapedEndpoint endpoint;

	private static ConfigurableApplicationContext scheduler;

	private static PrintedSettings settings;

	private static WireClient client;

	@BeforeAll
	static void start(@TempDir Path store, CapturedOutput output) {
		endpoint = new SdkShapedEndpoint();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DISPATCH_SCHEDULER_ALLOWED_ENDPOINTS", endpoint.url())));
		scheduler = SchedulerApplicationTests.start(
				new SpringApplicationBuilder(SchedulerApplication.class).environment(environment), store,
				"dispatch.api.wait-timeout=1s", "dispatch.defaults.retry.initial-interval=20ms",
				"dispatch.defaults.retry.max-interval=200ms", "dispatch.defaults.retry.max-attempts=0");
		settings = PrintedSettings.from(output.getOut());
		client = new WireClient(URI.create(settings.apiUrl()).getPort());
	}

	@AfterAll
	static void stop() {
		scheduler.close();
		endpoint.close();
	}

	@Test
	void passesGoWrapperAndValueInputsAndOutputsThroughByteForByte() {
		Any number = Any.pack(Int64Value.of(21));
		Any name = Any.pack(StringValue.of("Ada"));
		Any order = Any.pack(Value.newBuilder()
			.setStructValue(Struct.newBuilder()
				.putFields("owner", Value.newBuilder().setStringValue("ada").build())
				.putFields("items", Value.newBuilder()
					.setListValue(ListValue.newBuilder()
						.addValues(Value.newBuilder().setNumberValue(1))
						.addValues(Value.newBuilder().setStringValue("two"))
						.addValues(Value.newBuilder().setBoolValue(true)))
					.build()))
			.build());

		List<String> ids = dispatch(call("double", number), call("greet", name), call("describe", order));

		assertThat(ids).hasSize(3).doesNotHaveDuplicates();
		assertThat(waitFor(ids.get(0)).getOutput()).isEqualTo(Any.pack(Int64Value.of(42)));
		assertThat(waitFor(ids.get(1)).getOutput()).isEqualTo(Any.pack(StringValue.of("Hello, Ada")));
		assertThat(waitFor(ids.get(2)).getOutput())
			.isEqualTo(SdkShapedEndpoint.describe(SdkShapedEndpoint.unpack(order, Value.class)));
		assertRanOnceAsSubmitted("double", ids.get(0), number);
		assertRanOnceAsSubmitted("greet", ids.get(1), name);
		assertRanOnceAsSubmitted("describe", ids.get(2), order);
	}

	@Test
	void passesPythonPickledValuesAndErrorsThroughUnchanged() {
		Any arguments = pickled(Pickles.ARGUMENTS);

		List<String> ids = dispatch(call("billing.<locals>.charge", arguments),
				call("billing.<locals>.refund", arguments));

		CallResult charged = waitFor(ids.get(0));
		assertThat(charged.getOutput().getTypeUrl()).isEqualTo(SdkShapedEndpoint.PICKLED);
		assertThat(charged.getOutput()).isEqualTo(pickled(Pickles.CHARGED));
		assertThat(charged.hasError()).isFalse();
		assertThat(waitFor(ids.get(1)).getError()).isEqualTo(Pickles.REFUND_ERROR);
		assertRanOnceAsSubmitted("billing.<locals>.charge", ids.get(0), arguments);
		assertRanOnceAsSubmitted("billing.<locals>.refund", ids.get(1), arguments);
	}

	@Test
	void resumesAPythonPollWithAtMostTenResultsAndItsStateByteForByte() {
		String id = dispatch(call("main.<locals>.sum_of_squares", pickled(Pickles.ARGUMENTS))).get(0);

		CallResult result = waitFor(id);

		long sumOfSquares = LongStream.rangeClosed(1, SdkShapedEndpoint.SQUARES).map((i) -> i * i).sum();
		assertThat(result.getOutput()).isEqualTo(Any.pack(Int64Value.of(sumOfSquares)));
		assertThat(endpoint.resumeSizes).isNotEmpty().allSatisfy((size) -> assertThat(size).isBetween(1, 10));
		assertThat(endpoint.acceptedPages).containsExactly(10, 10, 6);
		assertThat(endpoint.statesEchoed).hasSameSizeAs(endpoint.resumeSizes).containsOnly(true);
		assertThat(endpoint.statesSent).hasSize(3).doesNotHaveDuplicates();
		assertThat(endpoint.correlationIdsReceived).containsExactlyElementsOf(LongStream
			.rangeClosed(1, SdkShapedEndpoint.SQUARES)
			.mapToObj(PythonState::correlationId)
			.toList());
		assertThat(endpoint.requests("main.<locals>.square")).hasSize(SdkShapedEndpoint.SQUARES)
			.allSatisfy((child) -> {
				assertThat(child.getParentDispatchId()).isEqualTo(id);
				assertThat(child.getRootDispatchId()).isEqualTo(id);
			});
	}

	@Test
	void deliversTheLateResultOfARacesLoserToALaterResumeWhichTheEndpointIgnores() {
		String id = dispatch(call("race", Any.pack(StringValue.of("go")))).get(0);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> endpoint.raceMovedOn && !endpoint.requests("slow").isEmpty());

		CallResult loser = waitFor(endpoint.requests("slow").get(0).getDispatchId());
		endpoint.nextReleased = true;
		CallResult race = waitFor(id);

		assertThat(loser.getOutput()).isEqualTo(Any.pack(StringValue.of("slow")));
		assertThat(loser.getCorrelationId()).isEqualTo(SdkShapedEndpoint.RACE + 1);
		assertThat(race.getOutput()).isEqualTo(Any.pack(StringValue.of("fast then next")));
		assertThat(endpoint.staleResults).hasValue(1);
		assertThat(endpoint.requests("slow").get(0).getParentDispatchId()).isEqualTo(id);
	}

	@Test
	void runsATailCallUnderTheSameIdsEvenWhenItCarriesATemporaryError() {
		List<String> ids = dispatch(call("main.<locals>.retry_later", pickled(Pickles.ARGUMENTS)),
				call("continue_with", Any.pack(StringValue.of("go"))));

		assertThat(waitFor(ids.get(0)).getOutput()).isEqualTo(pickled(Pickles.PAGE_2));
		assertThat(waitFor(ids.get(1)).getOutput()).isEqualTo(Any.pack(StringValue.of("tail done")));
		assertContinuedAs(ids.get(0), "main.<locals>.retry_later", "main.<locals>.fetch_page", pickled(Pickles.PAGE_2));
		assertContinuedAs(ids.get(1), "continue_with", "finish", Any.pack(StringValue.of("tail")));
	}

	@Test
	void waitAnswers408WhileAPollWithoutMaxWaitCannotResumeAndTheCallExpires() {
		Call call = call("main.<locals>.stuck", pickled(Pickles.ARGUMENTS)).toBuilder()
			.setExpiration(Durations.fromSeconds(4))
			.build();
		String id = dispatch(call).get(0);

		HttpResponse<byte[]> waiting = client.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain",
				settings.authorization());
		CallResult expired = waitFor(id);

		assertThat(waiting.statusCode()).isEqualTo(408);
		assertThat(error(waiting)).containsEntry("code", "deadline_exceeded");
		assertThat(expired.getError().getType()).isEqualTo("Expired");
		assertThat(expired.getDispatchId()).isEqualTo(id);
		assertThat(endpoint.requests("main.<locals>.stuck", id)).hasSize(1);
	}

	@Test
	void signsEveryRequestWithTheVerificationKeyItPrints() {
		waitFor(dispatch(call("greet", Any.pack(StringValue.of("Grace")))).get(0));
		RequestVerifier printedKey = new RequestVerifier(Ed25519Keys.parseVerificationKey(settings.verificationKey()),
				Clock.systemUTC(), Duration.ofHours(1), RequestVerifier.DEFAULT_CLOCK_SKEW);
		RequestVerifier otherKey = new RequestVerifier(SigningKeyPair.generate().verificationKey(), Clock.systemUTC(),
				Duration.ofHours(1), RequestVerifier.DEFAULT_CLOCK_SKEW);

		List<SignedRequest> received = endpoint.server().signedRequests();

		assertThat(received).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.header("Signature-Input")).startsWith("dispatch=(")
				.contains("\"@method\"", "\"@path\"", "\"@authority\"", "\"content-type\"", "\"content-digest\"");
			assertThat(request.header("Content-Digest")).startsWith("sha-512=:");
			printedKey.verify(request);
			assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(() -> otherKey.verify(request));
		});
	}

	@Test
	void refusesCallsToEndpointsItWasNotToldToAllow() {
		for (String other : List.of("http://127.0.0.1:1", "bridge://session",
				"arn:aws:lambda:us-east-1:123456789012:function:f")) {
			HttpResponse<byte[]> response = client.post(DISPATCH,
					DispatchRequest.newBuilder().addCalls(call("greet", Any.pack(StringValue.of("Eve")))
						.toBuilder()
						.setEndpoint(other)).build(),
					settings.authorization());

			assertThat(response.statusCode()).as(other).isEqualTo(400);
			assertThat(error(response).get("message")).as(other).contains("dispatch.scheduler.allowed-endpoints");
		}
	}

	private static Call call(String function, Any input) {
		return Call.newBuilder().setEndpoint(endpoint.url()).setFunction(function).setInput(input).build();
	}

	/** Submits calls in one request, with the headers the Python SDK's client sends. */
	private static List<String> dispatch(Call... calls) {
		HttpResponse<byte[]> response = client.post(DISPATCH, DispatchRequest.newBuilder().addAllCalls(List.of(calls)).build(),
				settings.authorization()[0], settings.authorization()[1], "Connect-Protocol-Version", "1",
				"Connect-Timeout-Ms", "5000");
		assertThat(response.statusCode()).isEqualTo(200);
		return message(response, DispatchResponse.parser()).getDispatchIdsList();
	}

	/** Waits for a result through {@code Wait}, asking again while it answers 408. */
	private static CallResult waitFor(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			HttpResponse<byte[]> response = client.post(WAIT, id.getBytes(StandardCharsets.UTF_8), "text/plain",
					settings.authorization());
			if (response.statusCode() != 408 || System.nanoTime() > deadline) {
				assertThat(response.statusCode()).as("Wait for " + id).isEqualTo(200);
				return message(response, CallResult.parser());
			}
		}
	}

	private static void assertRanOnceAsSubmitted(String function, String id, Any input) {
		assertThat(endpoint.requests(function, id)).singleElement().satisfies((run) -> {
			assertThat(run.getRootDispatchId()).isEqualTo(id);
			assertThat(run.getParentDispatchId()).isEmpty();
			assertThat(run.getInput()).isEqualTo(input);
			assertThat(run.getInput().toByteString()).isEqualTo(input.toByteString());
		});
	}

	private static void assertContinuedAs(String id, String function, String tailFunction, Any tailInput) {
		assertThat(endpoint.requests(function, id)).as(function + " runs").hasSize(1);
		RunRequest first = endpoint.requests(function, id).get(0);
		assertThat(endpoint.requests(tailFunction, id)).singleElement().satisfies((tail) -> {
			assertThat(tail.getRootDispatchId()).isEqualTo(first.getRootDispatchId());
			assertThat(tail.getCreationTime()).isEqualTo(first.getCreationTime());
			assertThat(tail.getInput()).isEqualTo(tailInput);
		});
	}

}
