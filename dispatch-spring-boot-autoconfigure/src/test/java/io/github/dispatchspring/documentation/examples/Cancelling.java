package io.github.dispatchspring.documentation.examples;

import java.time.Duration;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.Cancellation;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;

/**
 * Cancelling a call, and telling its cancellation from a failure.
 */
class Cancelling {

	private final DispatchClient client;

	Cancelling(DispatchClient client) {
		this.client = client;
	}

	boolean cancelInvoices() {
		DispatchId id = client.dispatch("generateInvoices", null);
		Cancellation done = client.cancel(id);   // CANCELLED, CANCELLING or ENDED
		try {
			client.await(id, InvoiceReport.class, Duration.ofMinutes(5));
		}
		catch (CallFailedException ex) {
			ex.isCancelled();                    // true: its error type is "Cancelled", its status PERMANENT_ERROR
		}
		return done == Cancellation.CANCELLED;
	}

}
