package io.github.dispatchspring.documentation.examples;

import java.math.BigDecimal;

/**
 * An order to charge.
 *
 * @param id the order's id
 * @param total what it costs
 */
record Order(String id, BigDecimal total) {
}
