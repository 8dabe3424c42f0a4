package io.github.dispatchspring.documentation.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.CallStatus;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchOptions;
import io.github.dispatchspring.DispatchStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The calls of "Functions and calls" and "What happens to a call", made from outside a function,
 * one example a method, with the values an example leaves out as parameters.
 */
class Callers {

	private static final Logger logger = LoggerFactory.getLogger(Callers.class);

	private final DispatchClient client;

	Callers(DispatchClient client) {
		this.client = client;
	}

	InvoiceReport dispatchBatchGatherAndAwait(List<String> clients) {
		DispatchId id = client.dispatch("generateInvoices", null);       // returns once the call is accepted
		List<DispatchId> ids = client.batch()                             // one atomic submission
				.add("notifyUser", "user-1")
				.add("notifyUser", "user-2")
				.dispatch();
		List<String> paths = client.gather("generateInvoice", clients, String.class); // results in call order
		InvoiceReport report = client.await(id, InvoiceReport.class, Duration.ofMinutes(5));
		return report;
	}

	List<Invoice> readGenericTypes(List<String> customers, DispatchId id, Duration timeout) {
		List<List<Invoice>> invoices = client.gather("invoices", customers,
				new ParameterizedTypeReference<List<Invoice>>() {});
		Map<String, Total> totals = client.await(id, new ParameterizedTypeReference<Map<String, Total>>() {}, timeout);
		List<Invoice> first = client.function(Billing::invoices).call("acme");   // List<Invoice> invoices(String)
		return first;
	}

	CompletableFuture<List<Invoice>> awaitWithoutBlocking(DispatchId id, Duration timeout) {
		CompletableFuture<List<Invoice>> invoices = client.function(Billing::invoices).awaitAsync(id, timeout);
		return invoices;
	}

	String takeTheFirst(String mirrorA, String mirrorB) {
		String quote = client.any("quote", List.of("supplier-a", "supplier-b"), String.class);
		String fastest = client.function(Mirrors::download).race(List.of(mirrorA, mirrorB));
		return quote + fastest;
	}

	DispatchId dispatchOnce(Order order) {
		DispatchId id = client.dispatch("chargeOrder", order, DispatchOptions.idempotencyKey("order-" + order.id()));
		return id;
	}

	CallStatus tellWhereItStands(DispatchId id) {
		CallStatus status = client.status(id);
		status.state();            // PENDING, RUNNING, SUSPENDED or DONE
		status.attempts();         // attempts started since it was accepted or last resumed from a gather
		status.lastErrorType();    // and lastErrorMessage(): the error of its last failed attempt
		status.createdAt();        // and endedAt(), null until it ends
		status.outcome();          // the status it ended with (OK, INVALID_ARGUMENT, ...), null before
		return status;
	}

	void listEveryFailure(List<String> clients) {
		try {
			client.gather("generateInvoice", clients, String.class);
		}
		catch (CallFailedException ex) {
			DispatchStatus first = ex.getCallStatus();                         // INVALID_ARGUMENT, TIMEOUT, ...
			for (CallFailedException.Failure failure : ex.getFailures()) {     // every failed call, in call order
				logger.warn("Invoice {} ({}) ended with {}: {}: {}", failure.index(), failure.dispatchId(),
						failure.status(), failure.errorType(), failure.message());
			}
		}
	}

}
