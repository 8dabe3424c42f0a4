package io.github.dispatchspring.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import io.github.dispatchspring.dashboard.CallViews;
import io.github.dispatchspring.dashboard.DashboardAccess;
import io.github.dispatchspring.dashboard.DashboardApi;
import io.github.dispatchspring.dashboard.DashboardFilter;
import io.github.dispatchspring.dashboard.DashboardPages;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallControl;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the dashboard at {@code dispatch.dashboard.path}, off unless
 * {@code dispatch.dashboard.enabled} is set: the calls of the embedded scheduler's store, protected by
 * the application's Spring Security when it is on the class path, otherwise by the API key.
 */
@AutoConfiguration(after = DispatchSchedulerAutoConfiguration.class)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("dispatch.dashboard.enabled")
@ConditionalOnBean(CallStore.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchDashboardAutoConfiguration {

	/** A class of Spring Security's servlet support. */
	static final String SPRING_SECURITY = "org.springframework.security.web.SecurityFilterChain";

	private static final Log logger = LogFactory.getLog(DispatchDashboardAutoConfiguration.class);

	private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

	@Bean
	@ConditionalOnMissingBean
	DashboardAccess dispatchDashboardAccess(DispatchProperties properties, Clock clock,
			ResourceLoader resourceLoader) {
		DispatchProperties.Dashboard dashboard = properties.getDashboard();
		if (ClassUtils.isPresent(SPRING_SECURITY, resourceLoader.getClassLoader())) {
			logger.info("The Dispatch dashboard at " + dashboard.getPath() + " is protected by the application's "
					+ "Spring Security: make sure its rules let only operators reach " + dashboard.getPath() + "/**");
			return DashboardAccess.springSecurity();
		}
		if (StringUtils.hasText(properties.getApiKey())) {
			return DashboardAccess.apiKey(properties.getApiKey(), dashboard.getSessionTimeout(), clock);
		}
		if (dashboard.isAllowUnauthenticated()) {
			logger.warn("dispatch.dashboard.allow-unauthenticated is true: the Dispatch dashboard at "
					+ dashboard.getPath() + " shows every call and lets anyone who can reach it cancel and run calls "
					+ "again. Remove it outside a developer machine and set dispatch.api-key or the DISPATCH_API_KEY "
					+ "environment variable instead.");
			return DashboardAccess.everyone();
		}
		throw new IllegalStateException("The Dispatch dashboard is enabled but nothing protects it: set "
				+ "dispatch.api-key or the DISPATCH_API_KEY environment variable (people log in with the key), or add "
				+ "Spring Security to the application, or set dispatch.dashboard.enabled=false");
	}

	@Bean
	CallViews dispatchDashboardViews(CallStore store, ValueCodec codec) {
		return new CallViews(queries(store), codec, store::instances);
	}

	@Bean
	DashboardApi dispatchDashboardApi(CallStore store, CallViews views, DashboardAccess access,
			ObjectProvider<EmbeddedScheduler> scheduler, Clock clock) {
		Runnable wakeUp = () -> scheduler.ifAvailable(EmbeddedScheduler::wakeUp);
		return new DashboardApi(queries(store), control(store), views, access, wakeUp, clock);
	}

	@Bean
	WebMvcConfigurer dispatchDashboardPath(DispatchProperties properties) {
		String path = path(properties);
		return new WebMvcConfigurer() {

			@Override
			public void configurePathMatch(PathMatchConfigurer configurer) {
				configurer.addPathPrefix(path,
						HandlerTypePredicate.forAssignableType(DashboardPages.class, DashboardApi.class));
			}

		};
	}

	@Bean
	DashboardPages dispatchDashboardPages(DashboardAccess access, DispatchProperties properties) {
		return new DashboardPages(access, path(properties));
	}

	@Bean
	FilterRegistrationBean<DashboardFilter> dispatchDashboardFilter(DashboardAccess access,
			DispatchProperties properties) {
		String path = path(properties);
		FilterRegistrationBean<DashboardFilter> registration = new FilterRegistrationBean<>(
				new DashboardFilter(access, path));
		registration.setUrlPatterns(List.of(path, path + "/*"));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	private static String path(DispatchProperties properties) {
		String path = properties.getDashboard().getPath();
		if (!PATH.matcher(path).matches()) {
			throw new IllegalStateException("dispatch.dashboard.path '" + path + "' is not a path: give one or more "
					+ "segments of letters, digits, '.', '-', '_' or '~', each after a '/', such as /dispatch");
		}
		return path;
	}

	private static CallQueries queries(CallStore store) {
		if (store instanceof CallQueries queries) {
			return queries;
		}
		throw withoutQueries(store);
	}

	private static CallControl control(CallStore store) {
		if (store instanceof CallControl control) {
			return control;
		}
		throw withoutQueries(store);
	}

	private static IllegalStateException withoutQueries(CallStore store) {
		return new IllegalStateException("The Dispatch dashboard reads calls through CallQueries and CallControl, "
				+ "which the application's CallStore " + store.getClass().getName() + " does not implement: implement "
				+ "them, or set dispatch.dashboard.enabled=false");
	}

}
