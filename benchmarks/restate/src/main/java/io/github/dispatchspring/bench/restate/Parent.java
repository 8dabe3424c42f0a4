package io.github.dispatchspring.bench.restate;

import dev.restate.sdk.Context;
import dev.restate.sdk.DurableFuture;
import dev.restate.sdk.annotation.Handler;
import dev.restate.sdk.annotation.Service;
import dev.restate.sdk.common.TerminalException;
import io.github.dispatchspring.bench.common.CallInputs;
import java.util.ArrayList;

/** The parents of the workloads: child calls made with {@code ctx} calls, awaited in call order. */
@Service
public class Parent {

	/** The input of {@link #chain}. */
	public record ChainRequest(String input, int length) {}

	@Handler
	public int fanOut(Context ctx, int n) {
		var child = ChildClient.fromContext(ctx);
		var results = new ArrayList<DurableFuture<String>>(n);
		for (int i = 0; i < n; i++) {
			results.add(child.call(CallInputs.of(i)));
		}
		for (int i = 0; i < n; i++) {
			try {
				CallInputs.requireResultAt(i, results.get(i).await());
			} catch (IllegalStateException outOfOrder) {
				throw new TerminalException(outOfOrder.getMessage());
			}
		}
		return results.size();
	}

	@Handler
	public String chain(Context ctx, ChainRequest request) {
		var child = ChildClient.fromContext(ctx);
		String value = request.input();
		for (int i = 0; i < request.length(); i++) {
			value = child.call(value).await();
		}
		return value;
	}
}
