package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The flow control a store auto-configuration builds its store with: that of the function policies
 * of the scheduler auto-configuration, or none where the application runs without them.
 */
final class FunctionFlow {

	private FunctionFlow() {
	}

	static FlowControl of(ObjectProvider<FunctionPolicies> policies) {
		FunctionPolicies available = policies.getIfAvailable();
		return (available != null) ? FlowControl.of(available) : FlowControl.none();
	}

}
