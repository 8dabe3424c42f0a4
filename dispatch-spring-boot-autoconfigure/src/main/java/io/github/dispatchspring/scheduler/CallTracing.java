package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dispatchspring.DispatchStatus;

/**
 * Carries the trace of the code that dispatches calls into the runs of these calls: a dispatch is
 * observed and its calls keep its trace context in the store; each attempt continues the trace its
 * call keeps, in scope on the worker's thread, where a function running in-process sees it, and in
 * the headers of the request to an endpoint. Observations are closed on the thread that started
 * them. Does nothing by default.
 */
public interface CallTracing {

	/** Traces nothing. */
	CallTracing NONE = new CallTracing() {
	};

	/**
	 * Starts observing a dispatch of calls from the current thread.
	 * @param functions the functions of the calls dispatched
	 * @return the observation, whose propagated fields the calls keep
	 */
	default Observed dispatch(List<String> functions) {
		return Observed.NONE;
	}

	/**
	 * Starts observing an attempt of a call, continuing the trace the call keeps, in scope on the current
	 * thread until closed.
	 * @param call the leased call
	 * @return the observation
	 */
	default Observed run(ClaimedCall call) {
		return Observed.NONE;
	}

	/**
	 * Starts observing the request that runs an attempt at an endpoint.
	 * @param function the function called
	 * @param uri where the request goes
	 * @return the observation, whose propagated fields go in the request's headers
	 */
	default Observed request(String function, URI uri) {
		return Observed.NONE;
	}

	/**
	 * An observation under way.
	 */
	interface Observed extends AutoCloseable {

		/** An observation of nothing. */
		Observed NONE = () -> {
		};

		/**
		 * The header fields that carry the trace to what the observed work starts.
		 * @return the fields, empty without a trace
		 */
		default Map<String, String> propagated() {
			return Map.of();
		}

		/**
		 * Tells how the observed work turned out.
		 * @param status the status
		 */
		default void outcome(DispatchStatus status) {
		}

		/**
		 * Tells that the observed work failed.
		 * @param error what it threw
		 */
		default void failed(Throwable error) {
		}

		/**
		 * Runs the observed work, telling this observation of what it throws.
		 * @param work the work
		 * @param <T> what it returns
		 * @return what the work returned
		 */
		default <T> T around(Supplier<T> work) {
			try {
				return work.get();
			}
			catch (RuntimeException | Error ex) {
				failed(ex);
				throw ex;
			}
		}

		/** Ends the observation and the scope it opened. */
		@Override
		void close();

	}

}
