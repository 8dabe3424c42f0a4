package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.InMemoryCallStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration of the store kept in the heap ({@code dispatch.scheduler.store=memory}), for
 * tests: everything in it is lost when the application stops.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class)
@Conditional(OnTextPropertyCondition.EmbeddedScheduler.class)
@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "memory")
@ConditionalOnMissingBean(CallStore.class)
public final class DispatchMemoryStoreAutoConfiguration {

	@Bean
	CallStore dispatchCallStore(Clock clock, ObjectProvider<FunctionPolicies> policies) {
		return new InMemoryCallStore(clock, FlowControl.ofAvailable(policies));
	}

}
