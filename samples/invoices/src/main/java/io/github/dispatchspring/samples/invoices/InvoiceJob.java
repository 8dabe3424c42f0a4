package io.github.dispatchspring.samples.invoices;

import java.time.Duration;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At startup, dispatches {@code generateInvoices} and logs its outcome when it completes; with
 * {@code invoices.exit-when-done} the application then exits. With {@code invoices.job-id} set to the
 * id of a {@code generateInvoices} call dispatched earlier, for example by a run that crashed, it
 * waits for that call instead of dispatching another one. With {@code invoices.run-at-startup=false}
 * nothing runs at startup, as in tests that run the functions themselves.
 */
@Component
@ConditionalOnBooleanProperty(name = "invoices.run-at-startup", matchIfMissing = true)
public class InvoiceJob implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceJob.class);

	private final DispatchClient client;

	private final Invoicing invoicing;

	private final ConfigurableApplicationContext context;

	private final boolean exitWhenDone;

	private final String jobId;

	private volatile InvoiceReport report;

	public InvoiceJob(DispatchClient client, Invoicing invoicing, ConfigurableApplicationContext context,
			@Value("${invoices.exit-when-done:false}") boolean exitWhenDone, @Value("${invoices.job-id:}") String jobId) {
		this.client = client;
		this.invoicing = invoicing;
		this.context = context;
		this.exitWhenDone = exitWhenDone;
		this.jobId = jobId;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		DispatchId id = job();
		this.report = this.client.await(id, InvoiceReport.class, Duration.ofMinutes(10));
		long calls = 1 + 2L * this.report.uploaded().size();
		int attempts = this.invoicing.invocations().values().stream().mapToInt((count) -> count.get()).sum();
		logger.info("generateInvoices completed: {} invoices uploaded; {} calls, {} attempts, {} ms",
				this.report.uploaded().size(), calls, attempts, (System.nanoTime() - start) / 1_000_000);
		if (this.exitWhenDone) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

	private DispatchId job() {
		if (!this.jobId.isBlank()) {
			logger.info("Waiting for generateInvoices {}, dispatched earlier", this.jobId);
			return new DispatchId(this.jobId);
		}
		DispatchId id = this.client.dispatch("generateInvoices", null);
		logger.info("Dispatched generateInvoices as {}", id);
		return id;
	}

	/** The outcome of the last run, or {@code null} before it completed. */
	public InvoiceReport report() {
		return this.report;
	}

}
