package io.github.dispatchspring.samples.scheduler;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.proto.DispatchResponse;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.HttpCallInvoker;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.jdbc.PostgresTestDatabase;
import io.github.dispatchspring.testsupport.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.dispatchspring.testsupport.WireClient.error;
import static io.github.dispatchspring.testsupport.WireClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone scheduler started as the README's command starts it, with its default settings but
 * a random port and a temporary directory for its store: it serves the Dispatch API with the key it
 * generated and printed, keeps that key and its key pair across restarts, and runs no call in-process.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchedulerApplicationTests {

	private static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	@Test
	void servesTheDispatchApiWithTheKeyItGeneratedAndPrinted(@TempDir Path store, CapturedOutput output)
			throws IOException {
		try (ConfigurableApplicationContext scheduler = start(store)) {
			PrintedSettings settings = PrintedSettings.from(output.getOut());
			WireClient client = new WireClient(port(scheduler));

			HttpResponse<byte[]> refused = client.post(DISPATCH, ownCall(settings));
			HttpResponse<byte[]> accepted = client.post(DISPATCH, ownCall(settings), settings.authorization());

			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(error(refused)).containsEntry("code", "unauthenticated");
			assertThat(accepted.statusCode()).isEqualTo(200);
			assertThat(message(accepted, DispatchResponse.parser()).getDispatchIdsList()).hasSize(1);
			assertThat(settings.apiUrl()).isEqualTo(client.baseUrl());
			assertThat(settings.apiKey()).hasSize(43).isEqualTo(Files.readString(store.resolve("api-key")).strip());
			if (Files.getFileStore(store).supportsFileAttributeView("posix")) {
				assertThat(Files.getPosixFilePermissions(store.resolve("api-key")))
					.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			}
			assertThat(settings.verificationKey())
				.isEqualTo(scheduler.getBean(SchedulerKeys.class).loadOrCreate().verificationKeyBase64());
			assertThat(output.getOut()).contains("No endpoint is allowed yet", "DISPATCH_SCHEDULER_ALLOWED_ENDPOINTS");
		}
	}

	@Test
	void keepsTheGeneratedKeyAndItsKeyPairAcrossRestarts(@TempDir Path store, CapturedOutput output) {
		PrintedSettings first;
		try (ConfigurableApplicationContext scheduler = start(store)) {
			first = PrintedSettings.from(output.getOut());
		}
		int printedBefore = output.getOut().length();
		try (ConfigurableApplicationContext scheduler = start(store)) {
			PrintedSettings second = PrintedSettings.from(output.getOut().substring(printedBefore));

			assertThat(second.apiKey()).isEqualTo(first.apiKey());
			assertThat(second.verificationKey()).isEqualTo(first.verificationKey());
			assertThat(new WireClient(port(scheduler)).post(DISPATCH, ownCall(second), first.authorization()).statusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void usesAConfiguredKeyWithoutKeepingOrPrintingIt(@TempDir Path store, CapturedOutput output) {
		try (ConfigurableApplicationContext scheduler = start(store, "dispatch.api-key=configured-secret-key")) {
			WireClient client = new WireClient(port(scheduler));

			assertThat(client.post(DISPATCH, DispatchRequest.getDefaultInstance(), "Authorization",
					"Bearer configured-secret-key").statusCode()).isEqualTo(200);
			assertThat(store.resolve("api-key")).doesNotExist();
			assertThat(output.getOut()).contains("DISPATCH_API_KEY=<the key set in dispatch.api-key")
				.doesNotContain("configured-secret-key");
		}
	}

	@Test
	void generatesAKeyWhenTheEnvironmentVariableIsBlank(@TempDir Path store, CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DISPATCH_API_KEY", "")));
		try (ConfigurableApplicationContext scheduler = start(
				new SpringApplicationBuilder(SchedulerApplication.class).environment(environment), store)) {
			PrintedSettings settings = PrintedSettings.from(output.getOut());

			assertThat(store.resolve("api-key")).exists();
			assertThat(new WireClient(port(scheduler)).post(DISPATCH, ownCall(settings), settings.authorization())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void servesNoWebhookAndRunsNoCallInProcess(@TempDir Path store, CapturedOutput output) {
		try (ConfigurableApplicationContext scheduler = start(store)) {
			PrintedSettings settings = PrintedSettings.from(output.getOut());
			WireClient client = new WireClient(port(scheduler));

			HttpResponse<byte[]> run = client.post("/dispatch.sdk.v1.FunctionService/Run", new byte[0],
					"application/proto");
			String id = message(client.post(DISPATCH, ownCall(settings), settings.authorization()),
					DispatchResponse.parser()).getDispatchIds(0);
			CallResult result = message(client.post("/dispatch.sdk.v1.DispatchService/Wait",
					id.getBytes(StandardCharsets.UTF_8), "text/plain", settings.authorization()), CallResult.parser());

			assertThat(run.statusCode()).isEqualTo(404);
			assertThat(scheduler.getBean(CallInvoker.class)).isInstanceOf(HttpCallInvoker.class);
			assertThat(result.getError().getType()).isEqualTo("HttpStatus404");
		}
	}

	@Test
	void keepsItsCallsInPostgresqlBySetting(@TempDir Path store, CapturedOutput output) {
		PostgresTestDatabase database = PostgresTestDatabase.create();
		try (ConfigurableApplicationContext scheduler = start(store, "dispatch.scheduler.store=jdbc",
				"dispatch.scheduler.jdbc.url=" + database.jdbcUrl(),
				"dispatch.scheduler.jdbc.username=" + database.username(),
				"dispatch.scheduler.jdbc.password=" + database.password())) {
			PrintedSettings settings = PrintedSettings.from(output.getOut());

			HttpResponse<byte[]> accepted = new WireClient(port(scheduler)).post(DISPATCH, ownCall(settings),
					settings.authorization());

			String id = message(accepted, DispatchResponse.parser()).getDispatchIds(0);
			assertThat(new JdbcTemplate(database.dataSource())
				.queryForObject("SELECT count(*) FROM dispatch_calls WHERE id = ?", Integer.class, id)).isOne();
			assertThat(store.resolve("calls.db")).doesNotExist();
		}
	}

	private static ConfigurableApplicationContext start(Path store, String... properties) {
		return start(new SpringApplicationBuilder(SchedulerApplication.class), store, properties);
	}

	/**
	 * Starts the scheduler with settings given on the command line, as a user would, ahead of the
	 * settings of the test class path.
	 */
	static ConfigurableApplicationContext start(SpringApplicationBuilder application, Path store,
			String... properties) {
		Stream<String> settings = Stream.concat(Stream.of("server.port=0", "spring.main.banner-mode=off",
				"dispatch.scheduler.embedded.directory=" + store), Arrays.stream(properties));
		return application.run(settings.map((setting) -> "--" + setting).toArray(String[]::new));
	}

	/** A request with one call to the scheduler's own address, the only endpoint allowed by default. */
	private static DispatchRequest ownCall(PrintedSettings settings) {
		return DispatchRequest.newBuilder()
			.addCalls(Call.newBuilder()
				.setEndpoint(settings.apiUrl())
				.setFunction("anything")
				.setInput(Any.pack(StringValue.of("x"))))
			.build();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
