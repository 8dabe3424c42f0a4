package io.github.dispatchspring.scheduler;

import java.time.Duration;
import java.util.Set;

import io.github.dispatchspring.DispatchStatus;

import io.github.dispatchspring.durable.InconsistentJournalException;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;

/**
 * Runs the calls addressed to this application in-process, through the same request and response as
 * the webhook, and sends the others to their endpoint. A call is addressed to this application when
 * its endpoint is empty or the endpoint of one of its {@link ApplicationInstances}, and its function
 * is registered here; a call to another application's endpoint goes there even when a function of
 * the same name is registered here. A run in-process that takes longer than its timeout is
 * interrupted and answered with {@code TIMEOUT}.
 */
public final class LocalCallInvoker implements CallInvoker {

	private final FunctionRegistry registry;

	private final FunctionRunner runner;

	private final CallInvoker remote;

	private final ApplicationInstances instances;

	public LocalCallInvoker(FunctionRegistry registry, FunctionRunner runner, CallInvoker remote,
			ApplicationInstances instances) {
		this.registry = registry;
		this.runner = runner;
		this.remote = remote;
		this.instances = instances;
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt) {
		if (this.registry.find(request.getFunction()) != null && addressedHere(endpoint)) {
			return run(request, attempt);
		}
		return this.remote.invoke(endpoint, request, attempt);
	}

	@Override
	public RunResponse invoke(String endpoint, RunRequest request, int attempt, Duration timeout) {
		if (this.registry.find(request.getFunction()) != null && addressedHere(endpoint)) {
			RunResponse response;
			boolean passed;
			try (RunDeadline deadline = RunDeadline.start(timeout)) {
				response = run(request, attempt);
				passed = deadline.passed();
			}
			return (passed && !response.hasPoll() && response.getExit().getResult().hasError())
					? timedOut(request, timeout) : response;
		}
		return this.remote.invoke(endpoint, request, attempt, timeout);
	}

	private RunResponse run(RunRequest request, int attempt) {
		try {
			return this.runner.run(request, attempt);
		}
		catch (InconsistentJournalException ex) {
			return RunResponses.failed(ex.getStatus(), ex.getClass().getName(), ex.getMessage());
		}
	}

	private static RunResponse timedOut(RunRequest request, Duration timeout) {
		return RunResponses.failed(DispatchStatus.TIMEOUT, "RunTimeout", "function '" + request.getFunction()
				+ "' ran longer than its timeout of " + timeout + " and was interrupted");
	}

	private boolean addressedHere(String endpoint) {
		if (endpoint.isEmpty()) {
			return true;
		}
		String target = EndpointUrls.withoutTrailingSlashes(endpoint);
		return includes(this.instances.endpoints(), target) || includes(this.instances.refreshed(), target);
	}

	private static boolean includes(Set<String> instances, String target) {
		return instances.stream().anyMatch((instance) -> EndpointUrls.withoutTrailingSlashes(instance).equals(target));
	}

}
