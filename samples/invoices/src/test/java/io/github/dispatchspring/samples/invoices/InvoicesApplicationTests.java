package io.github.dispatchspring.samples.invoices;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "invoices.exit-when-done=false", "invoices.clients=30",
				"dispatch.scheduler.embedded.directory=target/test-store/${random.uuid}" })
class InvoicesApplicationTests {

	@Autowired
	private InvoiceJob job;

	@Autowired
	private Invoicing invoicing;

	@Autowired
	private ClientDirectory clients;

	@Test
	void generatesAndUploadsEveryInvoiceInClientOrder() {
		List<String> expected = this.clients.clientIds().stream().map((id) -> "invoices/2026-11/" + id + ".pdf").toList();
		assertThat(this.job.report().uploaded()).containsExactlyElementsOf(expected);
		assertThat(this.invoicing.invocations().get("generateInvoice")).hasValue(30);
		assertThat(this.invoicing.invocations().get("uploadToS3")).hasValue(30);
		assertThat(this.invoicing.invocations().get("generateInvoices")).hasValue(3);
	}

}
