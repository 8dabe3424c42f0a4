package io.github.dispatchspring.function;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dispatchspring.durable.RunningCall;
import org.slf4j.MDC;

/**
 * The ids of the call a function runs for in the logging MDC, while it runs: {@value #ID},
 * {@value #ROOT_ID} and {@value #FUNCTION}. Closing it puts back what the MDC held before.
 */
final class CallLogging implements AutoCloseable {

	/** The MDC key of the call's dispatch id. */
	static final String ID = "dispatch.id";

	/** The MDC key of the dispatch id of the root of the call's tree. */
	static final String ROOT_ID = "dispatch.root_id";

	/** The MDC key of the function's name. */
	static final String FUNCTION = "dispatch.function";

	private final Map<String, String> previous = new LinkedHashMap<>();

	private CallLogging(Map<String, String> values) {
		values.forEach((key, value) -> {
			this.previous.put(key, MDC.get(key));
			MDC.put(key, value);
		});
	}

	/**
	 * Puts a call's ids in the MDC of the current thread.
	 * @param call the call
	 * @return what puts back the earlier values
	 */
	static CallLogging open(RunningCall call) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(ID, call.dispatchId());
		values.put(ROOT_ID, call.rootDispatchId());
		values.put(FUNCTION, call.function());
		return new CallLogging(values);
	}

	@Override
	public void close() {
		this.previous.forEach((key, value) -> {
			if (value != null) {
				MDC.put(key, value);
			}
			else {
				MDC.remove(key);
			}
		});
	}

}
