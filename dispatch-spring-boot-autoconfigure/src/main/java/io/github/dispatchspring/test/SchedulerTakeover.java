package io.github.dispatchspring.test;

import io.github.dispatchspring.client.CallSubmitter;
import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Hands the running of calls to the test kit: the application's {@link EmbeddedScheduler} does not
 * start with the context, waits for results run the calls first, and every attempt passes the
 * failures the test injects before it reaches the application's {@link CallInvoker}.
 */
final class SchedulerTakeover implements BeanPostProcessor {

	private final ObjectProvider<InjectedFailures> failures;

	private final ObjectProvider<DispatchTestKit> kit;

	SchedulerTakeover(ObjectProvider<InjectedFailures> failures, ObjectProvider<DispatchTestKit> kit) {
		this.failures = failures;
		this.kit = kit;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EmbeddedScheduler scheduler) {
			scheduler.setAutoStartup(false);
		}
		if (bean instanceof CallInvoker invoker && !(bean instanceof FailingCallInvoker)) {
			return new FailingCallInvoker(invoker, this.failures);
		}
		if (bean instanceof CallSubmitter submitter && !(bean instanceof ForegroundCallSubmitter)) {
			return new ForegroundCallSubmitter(submitter, this.kit);
		}
		return bean;
	}

}
