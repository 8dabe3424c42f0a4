package io.github.dispatchspring.webhook;

import io.github.dispatchspring.wire.Admission;
import io.github.dispatchspring.wire.AttemptHeader;
import io.github.dispatchspring.wire.WireRequest;
import io.github.dispatchspring.wire.WireResponse;
import io.github.dispatchspring.durable.InconsistentJournalException;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.FunctionRunner;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.proto.RunRequest;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint's logic, on raw bytes and headers: checks an authenticated request, runs the function
 * and answers the binary run response, or a Connect error for a request that cannot be run.
 */
public final class FunctionWebhook {

	private final FunctionRegistry registry;

	private final FunctionRunner runner;

	public FunctionWebhook(FunctionRegistry registry, FunctionRunner runner) {
		this.registry = registry;
		this.runner = runner;
	}

	/**
	 * Handles a run request.
	 * @param request the HTTP request, authenticated
	 * @return the answer
	 */
	public WireResponse run(WireRequest request) {
		Admission<RunRequest> admission = Admission.of(request, RunRequest.getDefaultInstance());
		if (admission.refusal() != null) {
			return admission.refusal();
		}
		RunRequest runRequest = admission.message();
		@Nullable ConnectError invalid = validate(runRequest);
		if (invalid != null) {
			return WireResponse.error(invalid);
		}
		try {
			return WireResponse.proto(this.runner.run(runRequest, AttemptHeader.parse(request.header(AttemptHeader.NAME))));
		}
		catch (InconsistentJournalException ex) {
			return WireResponse.error(ConnectError.invalidArgument(ex.getMessage()));
		}
	}

	private @Nullable ConnectError validate(RunRequest request) {
		if (request.getFunction().isEmpty()) {
			return ConnectError.invalidArgument("function is required");
		}
		if (this.registry.find(request.getFunction()) == null) {
			return ConnectError.notFound("function '" + request.getFunction() + "' does not exist");
		}
		if (request.getDirectiveCase() == RunRequest.DirectiveCase.DIRECTIVE_NOT_SET) {
			return ConnectError.invalidArgument("either input or poll_result is required");
		}
		return null;
	}

}
