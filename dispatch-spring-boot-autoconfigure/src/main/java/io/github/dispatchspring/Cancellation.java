package io.github.dispatchspring;

/**
 * What {@link DispatchClient#cancel} found and did. Cancelling is idempotent: a call that ended, or is
 * being cancelled already, is left as it is.
 */
public enum Cancellation {

	/**
	 * The call was pending or suspended and ended now, with an error of type {@value #ERROR_TYPE},
	 * along with the calls it made that had not ended.
	 */
	CANCELLED,

	/**
	 * The call is running: it ends as cancelled when its attempt returns. The thread running it in
	 * this application, or in another instance sharing the store, is interrupted, and a call in flight
	 * to an HTTP endpoint is abandoned.
	 */
	CANCELLING,

	/** The call had ended already, cancelled or not: nothing was changed. */
	ENDED;

	/** The error type of a cancelled call's result. */
	public static final String ERROR_TYPE = "Cancelled";

}
