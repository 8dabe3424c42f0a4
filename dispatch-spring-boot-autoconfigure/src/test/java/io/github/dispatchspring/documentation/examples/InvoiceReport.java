package io.github.dispatchspring.documentation.examples;

import java.util.List;

/**
 * The result of {@code generateInvoices}: where the invoices were put.
 *
 * @param paths the invoices' paths
 */
record InvoiceReport(List<String> paths) {
}
