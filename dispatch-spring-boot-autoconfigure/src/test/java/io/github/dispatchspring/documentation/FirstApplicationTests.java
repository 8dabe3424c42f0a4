package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TYPE_NAME = Pattern.compile("public (?:final )?(?:class|record|interface) (\\w+)");

	@Test
	void compilesAndRunsAsTheReadmeGivesIt(@TempDir Path directory) throws Exception {
		Path classes = compile(guideSources(), directory);
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
	private static List<String> guideSources() throws IOException {
		List<String> sources = Readme.find("### Your first application", JAVA_BLOCK);
		assertThat(sources).as("Java files of the guide").hasSize(4);
		return sources;
	}

	private static Path compile(List<String> sources, Path directory) throws IOException {
		Path sourceDirectory = Files.createDirectories(directory.resolve("src/com/example/orders"));
		List<Path> files = new ArrayList<>();
		for (String source : sources) {
			Matcher name = TYPE_NAME.matcher(source);
			assertThat(name.find()).as("a public type in\n" + source).isTrue();
			files.add(Files.writeString(sourceDirectory.resolve(name.group(1) + ".java"), source));
		}
		Path classes = Files.createDirectories(directory.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			boolean compiled = compiler
				.getTask(null, fileManager, diagnostics,
						List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
								"-parameters"),
						null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
			assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
		}
		return classes;
	}

}
