package io.github.dispatchspring.documentation.examples;

import java.math.BigDecimal;
import java.util.List;

import io.github.dispatchspring.DispatchFunction;

/**
 * A function with a result of a generic type.
 */
class Billing {

	@DispatchFunction
	public List<Invoice> invoices(String customer) {
		return List.of(new Invoice(customer, new BigDecimal("10.50")));
	}

}
