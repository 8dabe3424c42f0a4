package io.github.dispatchspring.scheduler;

import java.util.List;

import com.google.protobuf.util.Durations;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.ConnectError;
import org.jspecify.annotations.Nullable;

/**
 * What the Dispatch API accepts in one {@code DispatchRequest}: a bounded number of calls, each with a
 * valid function name, a valid endpoint URL that calls may go to, a valid expiration that is not
 * negative and an input of bounded size.
 *
 * @param maxCalls the most calls in one request
 * @param maxInputSize the most bytes of one call's serialized input
 * @param endpoints the endpoints calls may go to
 */
public record DispatchRequestLimits(int maxCalls, long maxInputSize, AllowedEndpoints endpoints) {

	/**
	 * Checks the calls of a request.
	 * @param calls the calls
	 * @return a 400 error naming the first call that breaks a limit, or {@code null}
	 */
	public @Nullable ConnectError check(List<Call> calls) {
		if (calls.size() > this.maxCalls) {
			return ConnectError.invalidArgument("a request carries at most " + this.maxCalls + " calls, this one has "
					+ calls.size() + " (dispatch.api.max-calls-per-request)");
		}
		for (int i = 0; i < calls.size(); i++) {
			String problem = problem(calls.get(i));
			if (problem != null) {
				return ConnectError.invalidArgument("calls[" + i + "]." + problem);
			}
		}
		return null;
	}

	private @Nullable String problem(Call call) {
		if (!FunctionRegistry.isValidName(call.getFunction())) {
			return "function '" + call.getFunction() + "' is not a valid function name";
		}
		String endpointProblem = EndpointUrls.problem(call.getEndpoint());
		if (endpointProblem != null) {
			return "endpoint " + endpointProblem;
		}
		String notAllowed = this.endpoints.refusal(call.getEndpoint());
		if (notAllowed != null) {
			return notAllowed;
		}
		if (call.hasExpiration() && !Durations.isValid(call.getExpiration())) {
			return "expiration is not a valid duration: at most 315576000000 seconds and 0 to 999999999 nanos";
		}
		if (call.hasExpiration() && Durations.isNegative(call.getExpiration())) {
			return "expiration must not be negative";
		}
		int inputSize = call.getInput().getSerializedSize();
		if (inputSize > this.maxInputSize) {
			return "input is " + inputSize + " bytes, more than the limit of " + this.maxInputSize
					+ " bytes (dispatch.api.max-input-size)";
		}
		return null;
	}

}
