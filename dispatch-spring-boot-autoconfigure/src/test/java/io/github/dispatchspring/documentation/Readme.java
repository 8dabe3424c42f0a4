package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's README, read by the tests that keep it true.
 */
final class Readme {

	private static final Path FILE = Path.of("../README.md");

	private Readme() {
	}

	/**
	 * What a pattern's first group matches anywhere in the README.
	 * @param pattern the pattern, with one group
	 * @return every match of the group, in order
	 * @throws IOException if the README cannot be read
	 */
	static List<String> find(Pattern pattern) throws IOException {
		return groups(pattern.matcher(Files.readString(FILE)));
	}

	/**
	 * What a pattern's first group matches in a section of the README.
	 * @param heading the section's heading line, such as {@code "## Configuration"}; the section ends
	 * at the next heading of the same level
	 * @param pattern the pattern, with one group
	 * @return every match of the group, in order
	 * @throws IOException if the README cannot be read
	 */
	static List<String> find(String heading, Pattern pattern) throws IOException {
		String readme = Files.readString(FILE);
		int start = readme.indexOf(heading + "\n");
		if (start < 0) {
			throw new IllegalStateException("README.md has no section '" + heading + "'");
		}
		String level = heading.substring(0, heading.indexOf(' ') + 1);
		int end = readme.indexOf("\n" + level, start + heading.length());
		return groups(pattern.matcher(readme.substring(start, (end < 0) ? readme.length() : end)));
	}

	private static List<String> groups(Matcher matcher) {
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
