package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.client.RemoteCallSubmitter;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.DispatchApiController;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import io.github.dispatchspring.webhook.FunctionWebhookController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC, SQLite, HikariCP and Spring JDBC are optional: an application without them gets the
 * parts that need nothing more, or a failure that names what is missing.
 */
class OptionalDependencyTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all());

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory");

	@Test
	void servesTheWebhookAndTheDispatchApiInAServletApplication() {
		this.webContextRunner.run((context) -> {
			assertThat(context).hasSingleBean(FunctionWebhookController.class);
			assertThat(context).hasSingleBean(DispatchApiController.class);
		});
	}

	@Test
	void servesNeitherWithoutSpringMvc() {
		this.webContextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(FunctionWebhookController.class);
			assertThat(context).doesNotHaveBean(DispatchApiController.class);
			assertThat(context).hasSingleBean(EmbeddedScheduler.class);
		});
	}

	@Test
	void sendsCallsToARemoteApiWithNothingButTheClientWithoutSpringMvcOrJdbc() {
		this.contextRunner.withPropertyValues("dispatch.api-url=https://dispatch.example.com")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class, JdbcTemplate.class,
					SQLiteDataSource.class, HikariDataSource.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(DispatchClient.class);
				assertThat(context).getBean(CallSubmitter.class).isInstanceOf(RemoteCallSubmitter.class);
				assertThat(context).doesNotHaveBean(CallStore.class);
				assertThat(context).doesNotHaveBean(EmbeddedScheduler.class);
			});
	}

	@Test
	void failsNamingTheMissingStoreWithoutSqlite() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SQLiteDataSource.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(CallStore.class.getName()));
	}

	@Test
	void runsOnTheMemoryStoreWithoutSqliteOrHikari() {
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=memory")
			.withClassLoader(new FilteredClassLoader(SQLiteDataSource.class, HikariDataSource.class))
			.run((context) -> assertThat(context).getBean(CallStore.class).isInstanceOf(InMemoryCallStore.class));
	}

	@Test
	void keepsTheSharedStoreInTheApplicationsDataSourceWithoutHikari(@TempDir Path directory) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + directory.resolve("application.db"));
		this.contextRunner.withPropertyValues("dispatch.scheduler.store=jdbc")
			.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcCallStore.class);
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(new JdbcTemplate(dataSource).queryForList("SELECT name FROM sqlite_master WHERE type = 'table'",
						String.class)).contains("dispatch_calls");
			});
	}

	@Test
	void failsNamingHikariWhenTheSharedStoreHasAUrlOfItsOwnWithoutHikari() {
		this.contextRunner
			.withPropertyValues("dispatch.scheduler.store=jdbc", "dispatch.scheduler.jdbc.url=jdbc:postgresql://db/app")
			.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("needs HikariCP: add com.zaxxer:HikariCP"));
	}

}
