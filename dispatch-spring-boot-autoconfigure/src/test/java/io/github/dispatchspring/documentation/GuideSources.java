package io.github.dispatchspring.documentation;

import java.io.IOException;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java files of the README's guides, compiled as they stand against the test classpath.
 */
final class GuideSources {

	static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TYPE_NAME = Pattern
		.compile("^(?:public )?(?:final )?(?:class|record|interface) (\\w+)", Pattern.MULTILINE);

	private GuideSources() {
	}

	/**
	 * Compiles the sources of the package {@code com.example.orders}.
	 * @param sources the Java files, each with one top-level type
	 * @param directory where the sources and classes are written
	 * @return the directory of the classes
	 * @throws IOException if a file cannot be written
	 */
	static Path compile(List<String> sources, Path directory) throws IOException {
		Path sourceDirectory = Files.createDirectories(directory.resolve("src/com/example/orders"));
		List<Path> files = new ArrayList<>();
		for (String source : sources) {
			Matcher name = TYPE_NAME.matcher(source);
			assertThat(name.find()).as("a top-level type in\n" + source).isTrue();
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
