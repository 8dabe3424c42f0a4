package io.github.dispatchspring.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link DispatchTestKit} of a Spring test's application context after each test method,
 * so that the failures and calls of one test do not reach the next.
 */
public final class DispatchTestKitReset extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(DispatchTestKit.class).ifAvailable(DispatchTestKit::reset);
		}
	}

}
