package io.github.dispatchspring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.dashboard.DashboardAccess;
import io.github.dispatchspring.dashboard.DashboardApi;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import io.github.dispatchspring.testsupport.DispatchAutoConfigurations;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DispatchDashboardAutoConfiguration}.
 */
class DispatchDashboardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(DispatchAutoConfigurations.all())
		.withPropertyValues("dispatch.scheduler.store=memory");

	@Test
	void isOffByDefault() {
		this.runner.withPropertyValues("dispatch.api-key=secret")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardApi.class));
	}

	@Test
	void isProtectedByTheApiKeyWhenEnabled() {
		this.runner.withPropertyValues("dispatch.dashboard.enabled=true", "dispatch.api-key=secret").run((context) -> {
			assertThat(context).hasSingleBean(DashboardApi.class);
			assertThat(context.getBean(DashboardAccess.class).loginForm()).isTrue();
		});
	}

	@Test
	void refusesToStartWhenNothingProtectsIt() {
		this.runner.withPropertyValues("dispatch.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("set dispatch.api-key or the DISPATCH_API_KEY environment variable")
				.hasMessageContaining("Spring Security"));
	}

	@Test
	void leavesProtectionToSpringSecurityWhenItIsOnTheClassPath() {
		this.runner.withClassLoader(withSpringSecurity())
			.withPropertyValues("dispatch.dashboard.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DashboardAccess.class).loginForm()).isFalse();
			});
	}

	@Test
	void opensToEveryoneOnlyWhenAllowedExplicitly() {
		this.runner.withPropertyValues("dispatch.dashboard.enabled=true", "dispatch.dashboard.allow-unauthenticated=true")
			.run((context) -> assertThat(context.getBean(DashboardAccess.class).loginForm()).isFalse());
	}

	@Test
	void failsOnAPathThatIsNotOne() {
		this.runner
			.withPropertyValues("dispatch.dashboard.enabled=true", "dispatch.api-key=secret",
					"dispatch.dashboard.path=dispatch/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dispatch.dashboard.path 'dispatch/' is not a path"));
	}

	@Test
	void failsOnAStoreThatAnswersNoQueries() {
		this.runner.withPropertyValues("dispatch.dashboard.enabled=true", "dispatch.api-key=secret")
			.withBean(CallStore.class, OpaqueStore::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("does not implement"));
	}

	@Test
	void isLeftOutWithoutAStoreOfItsOwn() {
		this.runner
			.withPropertyValues("dispatch.dashboard.enabled=true", "dispatch.api-key=secret",
					"dispatch.api-url=https://dispatch.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardApi.class));
	}

	/** A class loader that also finds a class of Spring Security's servlet support. */
	private static ClassLoader withSpringSecurity() {
		return new ByteBuddy().makeInterface()
			.name(DispatchDashboardAutoConfiguration.SPRING_SECURITY)
			.make()
			.load(DispatchDashboardAutoConfigurationTests.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
			.getLoaded()
			.getClassLoader();
	}

	/** A store of the application's own that answers only what the scheduler asks. */
	static final class OpaqueStore implements CallStore {

		@Override
		public void add(List<NewCall> calls) {
		}

		@Override
		public List<ClaimedCall> claim(int limit, Duration lease) {
			return List.of();
		}

		@Override
		public void renew(Collection<ClaimedCall> calls, Duration lease) {
		}

		@Override
		public void release(Collection<ClaimedCall> calls) {
		}

		@Override
		public Recorded record(List<Transition> transitions, int claimLimit,
				Duration lease) {
			return new Recorded(List.of(), List.of());
		}

		@Override
		public Map<String, CallResult> results(Collection<String> ids) {
			return Map.of();
		}

		@Override
		public int purge(Instant endedBefore, int limit) {
			return 0;
		}

		@Override
		public boolean exists(String id) {
			return false;
		}

		@Override
		public List<NewCall> children(String parentId) {
			return List.of();
		}

	}

}
