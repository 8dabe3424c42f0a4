package io.github.dispatchspring.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.Any;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.ValueCodec;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallQueries;
import org.jspecify.annotations.Nullable;

/**
 * The failures a test chose, looked up for every attempt; the input of a call is read from the store,
 * since a resumed run carries its journal instead.
 */
final class InjectedFailures {

	private final List<InjectedFailure> failures = new CopyOnWriteArrayList<>();

	private final CallQueries calls;

	private final ValueCodec codec;

	InjectedFailures(CallQueries calls, ValueCodec codec) {
		this.calls = calls;
		this.codec = codec;
	}

	InjectedFailure add(String function) {
		InjectedFailure failure = new InjectedFailure(function);
		this.failures.add(failure);
		return failure;
	}

	void clear() {
		this.failures.clear();
	}

	/** The response of the first failure that applies to the attempt, or {@code null} to run the function. */
	@Nullable RunResponse responseFor(RunRequest request, int attempt) {
		for (InjectedFailure failure : this.failures) {
			if (failure.function().equals(request.getFunction())
					&& failure.appliesTo(attempt, () -> inputOf(request), this.codec)) {
				return failure.response(attempt);
			}
		}
		return null;
	}

	private Any inputOf(RunRequest request) {
		CallDetails call = this.calls.call(request.getDispatchId());
		return (call != null) ? call.input() : request.getInput();
	}

}
