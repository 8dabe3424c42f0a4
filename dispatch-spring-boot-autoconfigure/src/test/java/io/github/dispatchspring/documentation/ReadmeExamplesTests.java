package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java example of the README but the first application's and its test's (which
 * {@link FirstApplicationTests} and {@link TestingGuideTests} compile and run) is found, line by line and in order, in a source of the package
 * {@code documentation.examples}, which compiles with the tests: an example that names a method,
 * type or parameter the API does not have breaks the build. Lines are compared without their
 * indentation, and with each run of spaces as one.
 */
class ReadmeExamplesTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Path EXAMPLES = Path.of("src/test/java/io/github/dispatchspring/documentation/examples");

	@Test
	void everyExampleIsInACompiledSource() throws IOException {
		List<String> examples = new ArrayList<>(Readme.find(JAVA_BLOCK));
		examples.removeAll(Readme.find("### Your first application", JAVA_BLOCK));
		examples.removeAll(Readme.find("### Testing your functions", JAVA_BLOCK));
		Map<Path, List<String>> sources = sources();

		assertThat(examples).as("the README's examples").hasSizeGreaterThanOrEqualTo(10);
		assertThat(examples).allSatisfy((example) -> assertThat(sources.values())
			.as("a source of %s holding, in order, the lines of%n%s", EXAMPLES, example)
			.anySatisfy((source) -> assertThat(holdsInOrder(source, lines(example))).isTrue()));
	}

	private static Map<Path, List<String>> sources() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.collect(Collectors.toMap((file) -> file, ReadmeExamplesTests::lines));
		}
	}

	private static List<String> lines(Path file) {
		try {
			return lines(Files.readString(file));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> lines(String text) {
		return text.lines().map((line) -> line.strip().replaceAll("\\s+", " ")).filter((line) -> !line.isEmpty()).toList();
	}

	private static boolean holdsInOrder(List<String> source, List<String> example) {
		int next = 0;
		for (String line : source) {
			if (next < example.size() && line.equals(example.get(next))) {
				next++;
			}
		}
		return next == example.size();
	}

}
