package io.github.dispatchspring.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.proto.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * What a step waiting for the first of its calls returns: the index and result of the call it
 * chose, or, when every call failed, their failures in call order.
 *
 * @param winner the index of the chosen call, or -1 when every call failed
 * @param results the chosen call's result alone, or every failure
 */
public record FirstOutcome(int winner, List<CallResult> results) {

	/**
	 * Chooses among the calls that ended: for a race the lowest index that ended, for an any the
	 * lowest index that succeeded, or every failure once all calls failed. A race passes over the
	 * calls that were cancelled while another has ended, so that the losers it cancelled do not win
	 * when the choice is made again after a retry.
	 * @param ended results of the calls that ended, by index
	 * @param size the number of calls
	 * @param race whether any outcome wins, a failure too
	 * @return the outcome, or {@code null} while it must wait for more results
	 */
	public static @Nullable FirstOutcome choose(Map<Integer, CallResult> ended, int size, boolean race) {
		for (int i = 0; i < size; i++) {
			CallResult result = ended.get(i);
			if (result != null && (race ? !cancelled(result) : !result.hasError())) {
				return new FirstOutcome(i, List.of(result));
			}
		}
		for (int i = 0; race && i < size; i++) {
			CallResult result = ended.get(i);
			if (result != null) {
				return new FirstOutcome(i, List.of(result));
			}
		}
		if (ended.size() < size) {
			return null;
		}
		List<CallResult> failures = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			failures.add(ended.get(i));
		}
		return new FirstOutcome(-1, failures);
	}

	/**
	 * The calls that had not ended when the outcome was chosen, which are cancelled.
	 * @param <T> the type of the calls' ids
	 * @param ids the ids of all the calls, in call order
	 * @param ended the results of the calls that ended, by index
	 * @return the ids of the others, in call order
	 */
	public static <T> List<T> losers(List<T> ids, Map<Integer, ?> ended) {
		List<T> losers = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!ended.containsKey(i)) {
				losers.add(ids.get(i));
			}
		}
		return losers;
	}

	private static boolean cancelled(CallResult result) {
		return result.hasError() && Cancellation.ERROR_TYPE.equals(result.getError().getType());
	}

}
