package io.github.dispatchspring.bench.restate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The restate-server binary, installed from the npm package {@code @restatedev/restate-server}
 * (whose platform package ships the binary) into a folder of its own, by default {@code
 * benchmarks/.restate} under the working directory.
 */
final class RestateInstallation {

	static final String HOME_PROPERTY = "bench.restate.home";
	static final String VERSION_PROPERTY = "bench.restate.version";
	static final String DEFAULT_VERSION = "1.7.12";

	private static final String PACKAGE = "@restatedev/restate-server";
	private static final long INSTALL_TIMEOUT_MINUTES = 5;
	private static final Pattern VERSION_FIELD = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

	private final Path home;
	private final String version;

	private RestateInstallation(Path home, String version) {
		this.home = home;
		this.version = version;
	}

	static RestateInstallation fromSystemProperties() {
		return new RestateInstallation(
				Path.of(System.getProperty(HOME_PROPERTY, "benchmarks/.restate")).toAbsolutePath(),
				System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION));
	}

	/** The server binary, installed first if it is missing or of another version. */
	Path binary() throws IOException, InterruptedException {
		Path binary = platformPackage().resolve("bin").resolve("restate-server");
		if (!version.equals(installedVersion()) || !Files.isExecutable(binary)) {
			install();
		}
		if (!Files.isExecutable(binary)) {
			throw new IllegalStateException(
					"npm installed " + PACKAGE + "@" + version + " but " + binary + " is missing: "
							+ "is there a prebuilt server for " + platform() + "?");
		}
		return binary;
	}

	private void install() throws IOException, InterruptedException {
		Files.createDirectories(home);
		var command =
				List.of(
						"npm", "install", "--prefix", home.toString(), "--no-save", "--ignore-scripts",
						"--no-audit", "--no-fund", "--loglevel=error", PACKAGE + "@" + version);
		var log = home.resolve("npm-install.log");
		var process =
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				throw new IllegalStateException(
						"npm install of " + PACKAGE + " took over " + INSTALL_TIMEOUT_MINUTES + " minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
								+ Files.readString(log));
			}
		} finally {
			process.destroyForcibly();
		}
	}

	private String installedVersion() throws IOException {
		Path manifest = home.resolve("node_modules").resolve(PACKAGE).resolve("package.json");
		if (!Files.isRegularFile(manifest)) {
			return null;
		}
		var matcher = VERSION_FIELD.matcher(Files.readString(manifest));
		return matcher.find() ? matcher.group(1) : null;
	}

	private Path platformPackage() {
		return home.resolve("node_modules").resolve(PACKAGE + "-" + platform());
	}

	private static String platform() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String npmOs = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os;
		String npmArch =
				switch (arch) {
					case "amd64", "x86_64" -> "x64";
					case "aarch64", "arm64" -> "arm64";
					default -> arch;
				};
		return npmOs + "-" + npmArch;
	}
}
