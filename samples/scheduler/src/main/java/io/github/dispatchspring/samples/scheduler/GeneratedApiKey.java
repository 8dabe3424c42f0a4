package io.github.dispatchspring.samples.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives the Dispatch API a key when neither {@code dispatch.api-key} nor {@code DISPATCH_API_KEY} sets
 * one: a random key, generated on the first start and kept in the file {@code api-key} of the store's
 * directory ({@code dispatch.scheduler.embedded.directory}), readable by its owner only, so that
 * clients holding it keep working after a restart.
 */
public class GeneratedApiKey implements EnvironmentPostProcessor {

	/** The name of the property source holding the generated key. */
	static final String PROPERTY_SOURCE = "dispatchGeneratedApiKey";

	private static final SecureRandom random = new SecureRandom();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("dispatch.api-key"))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("dispatch.api-key", loadOrCreate(file(environment)))));
	}

	/**
	 * The file the generated key is kept in.
	 * @param environment the application's environment
	 * @return {@code api-key} in the store's directory
	 */
	static Path file(Environment environment) {
		return Path.of(environment.getProperty("dispatch.scheduler.embedded.directory", ".dispatch"), "api-key");
	}

	private static String loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				String kept = Files.readString(file).strip();
				if (!kept.isEmpty()) {
					return kept;
				}
			}
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
			Path written = Files.createTempFile(directory, "api-key", ".tmp", ownerOnly(directory));
			Files.writeString(written, key + "\n");
			Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the generated Dispatch API key in " + file
					+ ": set dispatch.api-key or the DISPATCH_API_KEY environment variable, or make the directory "
					+ "writable", ex);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path directory) {
		if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
	}

}
