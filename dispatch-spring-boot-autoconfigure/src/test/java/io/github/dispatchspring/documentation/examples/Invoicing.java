package io.github.dispatchspring.documentation.examples;

import java.util.List;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * The functions of "Functions and calls", and the customers they are for.
 */
@Component
class Invoicing {

	private final DispatchClient client;

	Invoicing(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public String generateInvoice(String clientId) {
		return "invoices/" + clientId + ".pdf";
	}

	@DispatchFunction
	public void uploadToS3(String path) {
		// ...
	}

	@DispatchFunction
	public InvoiceReport generateInvoices() {
		List<String> paths = client.gather("generateInvoice", clientIds(), String.class);
		client.gather("uploadToS3", paths, Void.class);
		return new InvoiceReport(paths);
	}

	private List<String> clientIds() {
		return List.of("acme", "globex");
	}

}
