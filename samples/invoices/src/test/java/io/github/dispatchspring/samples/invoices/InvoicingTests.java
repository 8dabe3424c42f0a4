package io.github.dispatchspring.samples.invoices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.test.AutoConfigureDispatchTestKit;
import io.github.dispatchspring.test.DispatchTestKit;
import io.github.dispatchspring.test.RecordedCall;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generateInvoices} run by the test kit, on its thread and its virtual clock: one upload fails
 * on its first two attempts and is retried after backoffs of at least five and ten minutes, which the
 * clock skips.
 */
@SpringBootTest(properties = { "invoices.run-at-startup=false", "invoices.clients=30",
		"dispatch.defaults.retry.initial-interval=10m", "dispatch.defaults.retry.max-interval=1h" })
@AutoConfigureDispatchTestKit
class InvoicingTests {

	private static final String FAILING_UPLOAD = "invoices/2026-11/client-0007.pdf";

	@Autowired
	private DispatchTestKit kit;

	@Autowired
	private Invoicing invoicing;

	@Autowired
	private ClientDirectory clients;

	@Test
	void uploadsEveryInvoiceInClientOrderWhenAnUploadFailsAtFirst() {
		this.kit.fail("uploadToS3").forInput(String.class, FAILING_UPLOAD::equals).onAttempts(1, 2);
		Instant start = this.kit.now();

		InvoiceReport report = this.kit.run("generateInvoices", null, InvoiceReport.class);

		List<String> expected = this.clients.clientIds().stream().map((id) -> "invoices/2026-11/" + id + ".pdf").toList();
		assertThat(report.uploaded()).containsExactlyElementsOf(expected);
		List<RecordedCall> uploads = this.kit.calls("uploadToS3");
		assertThat(uploads).hasSize(30).allSatisfy((upload) -> {
			List<DispatchStatus> statuses = FAILING_UPLOAD.equals(upload.input(String.class))
					? List.of(DispatchStatus.TEMPORARY_ERROR, DispatchStatus.TEMPORARY_ERROR, DispatchStatus.OK)
					: List.of(DispatchStatus.OK);
			assertThat(upload.statuses()).isEqualTo(statuses);
		});
		assertThat(this.kit.calls("generateInvoice")).hasSize(30)
			.extracting(RecordedCall::outcome)
			.containsOnly(DispatchStatus.OK);
		assertThat(this.invoicing.invocations().get("uploadToS3")).as("the real upload runs once per invoice")
			.hasValue(30);
		assertThat(this.invoicing.invocations().get("generateInvoices")).hasValue(3);
		assertThat(Duration.between(start, this.kit.now())).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
	}

}
