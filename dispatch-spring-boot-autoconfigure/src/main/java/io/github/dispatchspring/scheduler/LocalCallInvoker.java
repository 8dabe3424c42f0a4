package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;

/**
 * Runs calls of this application's functions in-process, through the same request and response as
 * the webhook, and sends the others to their endpoint.
 */
public final class LocalCallInvoker implements CallInvoker {

	private final FunctionRegistry registry;

	private final FunctionRunner runner;

	private final CallInvoker remote;

	public LocalCallInvoker(FunctionRegistry registry, FunctionRunner runner, CallInvoker remote) {
		this.registry = registry;
		this.runner = runner;
		this.remote = remote;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request) {
		if (this.registry.find(request.getFunction()) != null) {
			return this.runner.run(request);
		}
		return this.remote.invoke(endpoint, request);
	}

}
