package io.github.dispatchspring.test;

import java.time.Duration;

import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.scheduler.CallInvoker;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Ends the attempts a test chose with an injected failure before they reach the function, and hands
 * the others to the application's invoker.
 */
final class FailingCallInvoker implements CallInvoker {

	private final CallInvoker invoker;

	private final ObjectProvider<InjectedFailures> failures;

	FailingCallInvoker(CallInvoker invoker, ObjectProvider<InjectedFailures> failures) {
		this.invoker = invoker;
		this.failures = failures;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt) {
		RunResponse failure = this.failures.getObject().responseFor(request, attempt);
		return (failure != null) ? failure : this.invoker.invoke(endpoint, request, attempt);
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt, Duration timeout) {
		RunResponse failure = this.failures.getObject().responseFor(request, attempt);
		return (failure != null) ? failure : this.invoker.invoke(endpoint, request, attempt, timeout);
	}

}
