package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first application, compiled from the README as it stands and run: its controller
 * dispatches a fan-out of receipts and reads the result back by id.
 */
class FirstApplicationTests {

	@Test
	void compilesAndRunsAsTheReadmeGivesIt(@TempDir Path directory) throws Exception {
		Path classes = GuideSources.compile(guideSources(), directory);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			SpringApplication application = new SpringApplication(new DefaultResourceLoader(loader),
					loader.loadClass("com.example.orders.OrdersApplication"));
			try (ConfigurableApplicationContext context = application.run("--server.port=0",
					"--dispatch.scheduler.embedded.directory=" + directory.resolve("store"))) {
				String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
				String id = send(HttpRequest.newBuilder(URI.create(base + "/receipts"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("[{\"id\":\"A-1\",\"total\":12.50},{\"id\":\"A-2\",\"total\":7.00}]")));
				assertThat(id).isNotBlank();
				String sent = send(HttpRequest.newBuilder(URI.create(base + "/receipts/" + id)).GET());
				assertThat(sent).isEqualTo("[\"Order A-1: 12.50 EUR\",\"Order A-2: 7.00 EUR\"]");
			}
		}
	}

	private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** The Java blocks of the README's "Your first application". */
	static List<String> guideSources() throws IOException {
		List<String> sources = Readme.find("### Your first application", GuideSources.JAVA_BLOCK);
		assertThat(sources).as("Java files of the guide").hasSize(4);
		return sources;
	}

}
