package io.github.dispatchspring.test;

import io.github.dispatchspring.scheduler.CallInvoker;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Hands the running of calls to the test kit: the application's {@link EmbeddedScheduler} does not
 * start with the context, and every attempt passes the failures the test injects before it reaches
 * the application's {@link CallInvoker}.
 */
final class SchedulerTakeover implements BeanPostProcessor {

	private final ObjectProvider<InjectedFailures> failures;

	SchedulerTakeover(ObjectProvider<InjectedFailures> failures) {
		this.failures = failures;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EmbeddedScheduler scheduler) {
			scheduler.setAutoStartup(false);
		}
		if (bean instanceof CallInvoker invoker && !(bean instanceof FailingCallInvoker)) {
			return new FailingCallInvoker(invoker, this.failures);
		}
		return bean;
	}

}
