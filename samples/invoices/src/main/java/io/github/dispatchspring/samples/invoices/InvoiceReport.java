package io.github.dispatchspring.samples.invoices;

import java.util.List;

/**
 * What {@code generateInvoices} did: the invoices it uploaded, in client order.
 *
 * @param uploaded the paths of the uploaded invoices
 */
public record InvoiceReport(List<String> uploaded) {
}
