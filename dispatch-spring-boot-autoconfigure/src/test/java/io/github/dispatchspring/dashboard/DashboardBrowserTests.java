package io.github.dispatchspring.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.github.dispatchspring.DispatchBatch;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.CallSummary;
import io.github.dispatchspring.scheduler.CallStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver,
 * on an application with the embedded store. A job fans out calls, one of which fails the first time;
 * an operator logs in, finds the job, opens the failed call, reads its error, runs it again and sees it
 * succeed: that screen is saved to {@code target/dashboard.png}, and the overview that follows to
 * {@code target/dashboard-overview.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.dashboard.enabled=true", "dispatch.api-key=browser-secret" })
class DashboardBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String MARKUP = "<img src=x id=injected onerror=document.title='injected'>";

	@LocalServerPort
	private int port;

	@Autowired
	private DispatchClient client;

	@Autowired
	private CallStore store;

	@TempDir
	Path profile;

	private ChromeDriverService service;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + this.profile, "--window-size=1280,1000");
		this.browser = new ChromeDriver(this.service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.service != null) {
			this.service.stop();
		}
	}

	@Test
	void findsAFailedCallOfAJobAndRunsItAgain() throws IOException {
		DispatchId job = this.client.dispatch("announce", 6);
		await().atMost(PATIENCE).until(() -> children(job, CallState.SUCCEEDED) == 5 && children(job, CallState.FAILED) == 1);

		this.browser.get("http://localhost:" + this.port + "/dispatch");
		await().atMost(PATIENCE).until(() -> this.browser.getCurrentUrl().endsWith("/dispatch/login"));
		this.browser.findElement(By.id("key")).sendKeys("browser-secret");
		this.browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
		find(By.cssSelector(".card.failed .value"), text("1"));

		find(By.cssSelector("[data-nav=calls]"), WebElement::isDisplayed).click();
		WebElement filters = find(By.id("filters"), WebElement::isDisplayed);
		filters.findElement(By.name("function")).sendKeys("announce");
		filters.findElement(By.cssSelector("button[type=submit]")).click();
		find(By.cssSelector("#calls tr[data-id='" + job.value() + "'] a"), WebElement::isDisplayed).click();

		find(By.id("call-function"), text("announce"));
		find(By.cssSelector("#children tr[data-state=FAILED] a"), WebElement::isDisplayed).click();
		WebElement error = find(By.id("call-error"), WebElement::isDisplayed);
		assertThat(error.getText()).contains(RelayRefusedException.class.getName(), "the mail relay refused user 3");

		this.browser.findElement(By.id("run-again")).click();
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.switchTo().alert(), (alert) -> true).accept();
		find(By.id("call-state"), text("SUCCEEDED"));
		assertThat(find(By.cssSelector("pre.value"), WebElement::isDisplayed).getText()).isEqualTo("3");
		assertThat(find(By.id("history"), text("run again")).getText()).contains(RelayRefusedException.class.getName());
		assertThat(children(job, CallState.FAILED)).isZero();
		screenshot("target/dashboard.png");

		this.browser.get(this.browser.getCurrentUrl().replaceFirst("#.*", "#/calls?function=remember"));
		find(By.cssSelector("#calls tbody tr a"), WebElement::isDisplayed).click();
		find(By.id("call-function"), text("remember"));
		assertThat(find(By.cssSelector("pre.value"), WebElement::isDisplayed).getText()).isEqualTo("\"" + MARKUP + "\"");
		assertThat(this.browser.findElements(By.id("injected"))).isEmpty();
		assertThat(this.browser.getTitle()).isEqualTo("Dispatch");

		this.browser.get(this.browser.getCurrentUrl().replaceFirst("#.*", "#/"));
		find(By.cssSelector(".card.succeeded .value"), text("8"));
		screenshot("target/dashboard-overview.png");
	}

	private void screenshot(String path) throws IOException {
		Path taken = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Waits until the page shows an element that is ready, as the page renders what it reads. */
	private WebElement find(By locator, Predicate<WebElement> ready) {
		return await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.findElement(locator), ready);
	}

	private static Predicate<WebElement> text(String text) {
		return (element) -> element.getText().contains(text);
	}

	private long children(DispatchId job, CallState state) {
		CallFilter filter = new CallFilter(null, state, null, null, null, job.value(), null, null);
		List<CallSummary> calls = ((CallQueries) this.store).calls(filter, 100).calls();
		return calls.stream().filter((call) -> call.function().equals("greet")).count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Announcements.class)
	static class Application {

	}

	/**
	 * A job that greets users, one call each, and leaves a note; the mail relay refuses user 3 once.
	 */
	static class Announcements {

		private final DispatchClient client;

		private final AtomicBoolean refused = new AtomicBoolean();

		Announcements(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		public void announce(Integer users) {
			DispatchBatch batch = this.client.batch();
			for (int user = 1; user <= users; user++) {
				batch.add("greet", user);
			}
			batch.add("remember", MARKUP);
			batch.dispatch();
		}

		@DispatchFunction
		public Integer greet(Integer user) {
			if (user == 3 && this.refused.compareAndSet(false, true)) {
				throw new RelayRefusedException("the mail relay refused user " + user);
			}
			return user;
		}

		@DispatchFunction
		public void remember(String note) {
		}

	}

	/** The mail relay refused a message. */
	static class RelayRefusedException extends RuntimeException {

		RelayRefusedException(String message) {
			super(message);
		}

	}

}
