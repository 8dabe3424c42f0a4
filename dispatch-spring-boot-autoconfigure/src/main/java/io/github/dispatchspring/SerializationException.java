package io.github.dispatchspring;

/**
 * A value could not be converted to or from its wire form. The call it belongs to fails with this
 * exception's status; the scheduler keeps running.
 */
public class SerializationException extends DispatchException {

	public SerializationException(DispatchStatus status, String message, Throwable cause) {
		super(status, message, cause);
	}

}
