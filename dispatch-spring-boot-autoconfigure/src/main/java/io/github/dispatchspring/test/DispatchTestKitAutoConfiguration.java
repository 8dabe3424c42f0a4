package io.github.dispatchspring.test;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallExecution;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.ForegroundScheduler;
import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.scheduler.ResultWaiter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Auto-configuration of the {@link DispatchTestKit}, imported by {@link AutoConfigureDispatchTestKit}
 * only: it comes before the store and function auto-configurations, so that its virtual clock and
 * its heap store are the application's, and takes the running of calls over from the embedded
 * scheduler.
 */
@AutoConfiguration(beforeName = { "io.github.dispatchspring.autoconfigure.DispatchFunctionAutoConfiguration",
		"io.github.dispatchspring.autoconfigure.DispatchEmbeddedStoreAutoConfiguration",
		"io.github.dispatchspring.autoconfigure.DispatchJdbcStoreAutoConfiguration",
		"io.github.dispatchspring.autoconfigure.DispatchMemoryStoreAutoConfiguration" })
public final class DispatchTestKitAutoConfiguration {

	@Bean
	@Primary
	VirtualClock dispatchTestKitClock() {
		return VirtualClock.startingNow();
	}

	@Bean
	@Primary
	InMemoryCallStore dispatchTestKitCallStore(VirtualClock clock, ObjectProvider<FunctionPolicies> policies) {
		return new InMemoryCallStore(clock, FlowControl.ofAvailable(policies));
	}

	@Bean
	static SchedulerTakeover dispatchTestKitSchedulerTakeover(ObjectProvider<InjectedFailures> failures,
			ObjectProvider<DispatchTestKit> kit) {
		return new SchedulerTakeover(failures, kit);
	}

	@Bean
	InjectedFailures dispatchTestKitFailures(InMemoryCallStore store, ValueCodec codec) {
		return new InjectedFailures(store, codec);
	}

	@Bean
	DispatchTestKit dispatchTestKit(DispatchClient client, InMemoryCallStore store, VirtualClock clock,
			InjectedFailures failures, ValueCodec codec, ObjectProvider<CallExecution> execution,
			ObjectProvider<ResultWaiter> waiter, ObjectProvider<EmbeddedScheduler.Settings> settings) {
		CallExecution calls = execution.getIfAvailable();
		if (calls == null) {
			throw new IllegalStateException("The Dispatch test kit runs calls on the embedded scheduler, which this "
					+ "application does not have: remove dispatch.api-url from the test's properties");
		}
		ForegroundScheduler scheduler = new ForegroundScheduler(store, calls, waiter.getObject(),
				settings.getObject().leaseDuration());
		return new DispatchTestKit(client, scheduler, clock, failures, new RecordedCalls(store, clock, codec));
	}

}
