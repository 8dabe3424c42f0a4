package io.github.dispatchspring.documentation.examples;

import java.math.BigDecimal;

/**
 * An invoice of a customer.
 *
 * @param customer the customer
 * @param amount what the customer owes
 */
record Invoice(String customer, BigDecimal amount) {
}
