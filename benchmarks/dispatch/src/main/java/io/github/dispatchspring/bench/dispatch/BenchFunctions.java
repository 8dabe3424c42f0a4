package io.github.dispatchspring.bench.dispatch;

import java.util.List;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.bench.common.CallHandler;
import io.github.dispatchspring.bench.common.CallInputs;

/** The benchmark's functions: the shared no-op child, a fan-out parent and a chain parent. */
public class BenchFunctions {

	private final DispatchClient client;

	public BenchFunctions(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public String benchChild(String input) {
		try {
			return CallHandler.handle(input);
		}
		catch (CallHandler.TemporaryCallFailure failure) {
			throw new DispatchException(DispatchStatus.TEMPORARY_ERROR, failure.getMessage(), failure);
		}
	}

	@DispatchFunction
	public int benchFanOut(int n) {
		List<String> inputs = IntStream.range(0, n).mapToObj(CallInputs::of).toList();
		List<String> results = this.client.gather("benchChild", inputs, String.class);
		for (int i = 0; i < results.size(); i++) {
			CallInputs.requireResultAt(i, results.get(i));
		}
		return results.size();
	}

	@DispatchFunction
	public String benchChain(Chain chain) {
		String value = chain.input();
		for (int step = 0; step < chain.length(); step++) {
			value = this.client.gather("benchChild", List.of(value), String.class).get(0);
		}
		return value;
	}

	/** The input of a chain: the first value and how many calls follow one another. */
	public record Chain(String input, int length) {
	}

}
