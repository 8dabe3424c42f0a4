package io.github.dispatchspring.documentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table lists every {@code dispatch.*} property the configuration metadata
 * describes, and nothing else. The metadata also describes the {@code dispatch} actuator endpoint's
 * {@code management.endpoint.dispatch.*} keys, which Spring Boot documents for every endpoint.
 */
class ConfigurationTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(dispatch\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);

	@Test
	void listsEveryPropertyOfTheMetadataAndNoOther() throws IOException {
		assertThat(documented()).isEqualTo(described());
	}

	private static Set<String> described() throws IOException {
		Set<String> names = new TreeSet<>();
		try (InputStream metadata = ConfigurationTableTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("configuration metadata").isNotNull();
			for (JsonNode property : new JsonMapper().readTree(metadata).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("dispatch.")) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static Set<String> documented() throws IOException {
		return new TreeSet<>(Readme.find("## Configuration", ROW));
	}

}
