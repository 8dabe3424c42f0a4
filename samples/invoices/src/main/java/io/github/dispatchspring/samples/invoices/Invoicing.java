package io.github.dispatchspring.samples.invoices;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The invoicing functions. {@code generateInvoices} gathers {@code generateInvoice} over all clients,
 * then {@code uploadToS3} over the paths; each gather suspends it durably until the results are in.
 */
@Component
public class Invoicing {

	private static final Logger logger = LoggerFactory.getLogger(Invoicing.class);

	private final DispatchClient client;

	private final ClientDirectory clients;

	private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

	public Invoicing(DispatchClient client, ClientDirectory clients) {
		this.client = client;
		this.clients = clients;
	}

	@DispatchFunction
	public String generateInvoice(String clientId) {
		count("generateInvoice");
		String path = "invoices/2026-11/" + clientId + ".pdf";
		logger.debug("Generated {}", path);
		return path;
	}

	@DispatchFunction
	public void uploadToS3(String path) {
		count("uploadToS3");
		logger.debug("Uploaded {}", path);
	}

	@DispatchFunction
	public InvoiceReport generateInvoices() {
		count("generateInvoices");
		List<String> paths = this.client.gather("generateInvoice", this.clients.clientIds(), String.class);
		this.client.gather("uploadToS3", paths, Void.class);
		return new InvoiceReport(paths);
	}

	private void count(String function) {
		this.invocations.computeIfAbsent(function, (name) -> new AtomicInteger()).incrementAndGet();
	}

	/** How many times each function ran in this process. */
	public Map<String, AtomicInteger> invocations() {
		return this.invocations;
	}

}
