package io.github.dispatchspring.documentation.examples;

import java.math.BigDecimal;

/**
 * What a customer's invoices add up to.
 *
 * @param sum their amounts' sum
 * @param count how many there are
 */
record Total(BigDecimal sum, int count) {
}
