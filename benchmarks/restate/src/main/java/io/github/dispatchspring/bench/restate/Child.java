package io.github.dispatchspring.bench.restate;

import dev.restate.sdk.Context;
import dev.restate.sdk.annotation.Handler;
import dev.restate.sdk.annotation.Service;
import io.github.dispatchspring.bench.common.CallHandler;

/** The child call, as a Restate service handler; the server retries it when it throws. */
@Service
public class Child {

	@Handler
	public String call(Context ctx, String input) {
		return CallHandler.handle(input);
	}
}
