package io.github.dispatchspring.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import graph of the main code keeps to the layout the README's "Project layout" gives: each
 * package imports only the packages listed for it, and the packages that must not see Spring Web
 * do not.
 */
class PackageDependencyTests {

	private static final String BASE = "io.github.dispatchspring";

	private static final Path SOURCES = Path.of("src/main/java/io/github/dispatchspring");

	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			Map.entry("base", Set.of()),
			Map.entry("proto", Set.of("base")),
			Map.entry("durable", Set.of("proto", "base")),
			Map.entry("function", Set.of("durable", "proto", "base")),
			Map.entry("signature", Set.of()),
			Map.entry("wire", Set.of("proto", "base")),
			Map.entry("client", Set.of("function", "durable", "proto", "base")),
			Map.entry("webhook", Set.of("wire", "signature", "function", "durable", "proto", "base")),
			Map.entry("scheduler", Set.of("client", "wire", "signature", "function", "durable", "proto", "base")),
			Map.entry("scheduler.jdbc", Set.of("scheduler", "signature", "proto", "base")),
			Map.entry("observability", Set.of("scheduler", "webhook", "wire", "function", "base")),
			Map.entry("dashboard", Set.of("scheduler", "proto", "base")),
			Map.entry("test", Set.of("scheduler", "client", "function", "durable", "proto", "base")),
			Map.entry("autoconfigure", Set.of("observability", "dashboard", "scheduler", "scheduler.jdbc", "webhook",
					"client", "wire", "signature", "function", "durable", "proto", "base")));

	private static final Set<String> WITHOUT_WEB = Set.of("base", "proto", "durable", "function", "signature", "client",
			"scheduler.jdbc", "observability", "test");

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

	@Test
	void everyPackageImportsOnlyThePackagesItMay() throws IOException {
		List<String> edges = new ArrayList<>();
		for (Path source : sources()) {
			String from = packageOf(source);
			assertThat(ALLOWED).as("package %s is listed in the layout", from).containsKey(from);
			for (String imported : imports(source)) {
				String to = ourPackage(imported);
				if (to != null && !to.equals(from) && !ALLOWED.get(from).contains(to)) {
					edges.add(SOURCES.relativize(source) + " imports " + imported);
				}
			}
		}
		assertThat(edges).isEmpty();
	}

	@Test
	void packagesThatServeAnyApplicationDoNotImportSpringWeb() throws IOException {
		Set<String> found = new TreeSet<>();
		for (Path source : sources()) {
			if (WITHOUT_WEB.contains(packageOf(source))) {
				for (String imported : imports(source)) {
					if (imported.startsWith("org.springframework.web") || imported.startsWith("org.springframework.http")
							|| imported.startsWith("jakarta.servlet")) {
						found.add(SOURCES.relativize(source) + " imports " + imported);
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
	}

	private static String packageOf(Path source) {
		Path folder = SOURCES.relativize(source).getParent();
		return (folder != null) ? folder.toString().replace('/', '.') : "base";
	}

	private static List<String> imports(Path source) throws IOException {
		Matcher matcher = IMPORT.matcher(Files.readString(source));
		List<String> imports = new ArrayList<>();
		while (matcher.find()) {
			imports.add(matcher.group(1));
		}
		return imports;
	}

	/** The package of ours an import names, or {@code null} for another library's. */
	private static String ourPackage(String imported) {
		if (!imported.startsWith(BASE)) {
			return null;
		}
		StringBuilder name = new StringBuilder();
		for (String part : imported.substring(BASE.length()).split("\\.")) {
			if (part.isEmpty()) {
				continue;
			}
			if (Character.isUpperCase(part.charAt(0))) {
				break;
			}
			name.append(name.isEmpty() ? "" : ".").append(part);
		}
		return name.isEmpty() ? "base" : name.toString();
	}

}
