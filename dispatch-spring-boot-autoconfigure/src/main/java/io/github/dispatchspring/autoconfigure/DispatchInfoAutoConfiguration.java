package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.observability.DispatchInfoContributor;
import io.github.dispatchspring.scheduler.CallStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code dispatch} entry of the actuator's {@code info}, when the actuator
 * is present, unless {@code management.info.dispatch.enabled} is {@code false}.
 */
@AutoConfiguration(after = { DispatchFunctionAutoConfiguration.class, DispatchSchedulerAutoConfiguration.class })
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean(FunctionRegistry.class)
@ConditionalOnBooleanProperty(name = "management.info.dispatch.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchInfoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DispatchInfoContributor dispatchInfoContributor(FunctionRegistry registry, ObjectProvider<CallStore> store,
			DispatchProperties properties) {
		CallStore calls = store.getIfAvailable();
		return new DispatchInfoContributor((calls != null) ? ObservedStore.name(calls, properties) : null, registry);
	}

}
