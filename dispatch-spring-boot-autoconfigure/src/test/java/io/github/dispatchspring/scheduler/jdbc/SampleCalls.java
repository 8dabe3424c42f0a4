package io.github.dispatchspring.scheduler.jdbc;

import java.time.Instant;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;

/**
 * Calls and results for tests that drive a store directly, their values strings.
 */
public final class SampleCalls {

	private SampleCalls() {
	}

	/** A root call of {@code fn} created now, its input its id. */
	public static NewCall call(String id) {
		return new NewCall(id, "fn", "http://localhost:8080", value(id), null, id, 0, false, Instant.now(), null);
	}

	/** A result of a leased call with the given output. */
	public static CallResult result(ClaimedCall call, String output) {
		return CallResult.newBuilder().setDispatchId(call.id()).setOutput(value(output)).build();
	}

	/** A string as a protocol value. */
	public static Any value(String value) {
		return Any.pack(StringValue.of(value));
	}

}
