package io.github.dispatchspring.documentation;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The README's "Testing your functions", compiled with the first application as both stand in the
 * README and run with JUnit: the test it shows passes.
 */
class TestingGuideTests {

	@Test
	void theGuidesTestPassesAgainstTheFirstApplication(@TempDir Path directory) throws Exception {
		List<String> tests = Readme.find("### Testing your functions", GuideSources.JAVA_BLOCK);
		assertThat(tests).as("Java files of the guide").hasSize(1);
		List<String> sources = new ArrayList<>(FirstApplicationTests.guideSources());
		sources.addAll(tests);
		Path classes = GuideSources.compile(sources, directory);
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			thread.setContextClassLoader(loader);
			LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
				.selectors(selectClass(loader.loadClass("com.example.orders.ReceiptsTests")))
				.build();
			SummaryGeneratingListener listener = new SummaryGeneratingListener();
			LauncherFactory.create().execute(request, listener);
			TestExecutionSummary summary = listener.getSummary();
			assertThat(summary.getFailures()).extracting(TestExecutionSummary.Failure::getException).isEmpty();
			assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

}
