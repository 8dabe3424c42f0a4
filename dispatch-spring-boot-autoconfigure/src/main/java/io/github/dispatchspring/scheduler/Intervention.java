package io.github.dispatchspring.scheduler;

/**
 * What an operator's action on a call did.
 *
 * @param outcome whether it was applied
 * @param ended the calls it ended at once
 * @param stopping the running calls it marked, which end when their attempts return
 * @param reason why it was not applied, empty when it was
 */
public record Intervention(Outcome outcome, int ended, int stopping, String reason) {

	/**
	 * An action that was applied.
	 * @param ended the calls it ended at once
	 * @param stopping the running calls it marked
	 * @return the intervention
	 */
	public static Intervention applied(int ended, int stopping) {
		return new Intervention(Outcome.APPLIED, ended, stopping, "");
	}

	/**
	 * An action refused.
	 * @param reason why
	 * @return the intervention
	 */
	public static Intervention refused(String reason) {
		return new Intervention(Outcome.REFUSED, 0, 0, reason);
	}

	/**
	 * An action on a call the store does not hold.
	 * @param id the dispatch id
	 * @return the intervention
	 */
	public static Intervention unknown(String id) {
		return new Intervention(Outcome.UNKNOWN_CALL, 0, 0, "the store holds no call " + id);
	}

	/**
	 * Whether an action was applied.
	 */
	public enum Outcome {

		/** It was applied. */
		APPLIED,

		/** The call is not in a state the action applies to. */
		REFUSED,

		/** The store does not hold the call. */
		UNKNOWN_CALL

	}

}
