package io.github.dispatchspring.scheduler;

import java.util.List;

import com.google.protobuf.util.Durations;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.wire.ConnectError;
import org.jspecify.annotations.Nullable;

/**
 * What the Dispatch API accepts in one {@code DispatchRequest}: a bounded number of calls, each with a
 * valid function name, a valid endpoint URL that calls may go to, a valid expiration that is not
 * negative and an input of bounded size. The scheduler holds the calls an endpoint asks it to start
 * to the same rules.
 *
 * @param maxCalls the most calls in one request
 * @param maxInputSize the most bytes of one call's serialized input
 * @param endpoints the endpoints calls may go to
 */
public record DispatchRequestLimits(int maxCalls, long maxInputSize, AllowedEndpoints endpoints) {

	private static final int NAME_SHOWN = 64;

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
			String problem = problem(calls.get(i), false);
			if (problem != null) {
				return ConnectError.invalidArgument("calls[" + i + "]." + problem);
			}
		}
		return null;
	}

	/**
	 * What is wrong with one call, by the rules for each call of a request.
	 * @param call the call
	 * @param inheritsEndpoint whether an empty endpoint stands for the endpoint of the caller
	 * @return the problem, starting with the name of the field it is about, or {@code null} if the
	 * call is valid
	 */
	@Nullable String problem(Call call, boolean inheritsEndpoint) {
		if (!FunctionRegistry.isValidName(call.getFunction())) {
			return "function " + shown(call.getFunction()) + " is not a valid function name: a name starts with a "
					+ "letter or '_', goes on with letters, digits, '_', '<', '>' or '.', and has at most 512 characters";
		}
		if (!(inheritsEndpoint && call.getEndpoint().isEmpty())) {
			String endpointProblem = EndpointUrls.problem(call.getEndpoint());
			if (endpointProblem != null) {
				return "endpoint " + endpointProblem;
			}
			String notAllowed = this.endpoints.refusal(call.getEndpoint());
			if (notAllowed != null) {
				return notAllowed;
			}
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

	private static String shown(String name) {
		return (name.length() <= NAME_SHOWN) ? "'" + name + "'"
				: "'" + name.substring(0, NAME_SHOWN) + "...' (" + name.length() + " characters)";
	}

}
