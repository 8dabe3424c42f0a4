package io.github.dispatchspring.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunctionHandle;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.model.Billing.Invoice;
import io.github.dispatchspring.model.Billing.Total;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programming model through the public API, on each store a subclass runs it on.
 */
abstract class ProgrammingModelTests {

	static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	DispatchClient client;

	@Autowired
	Billing billing;

	@Test
	void gathersResultsOfAGenericTypeWithoutCasts() {
		List<List<Invoice>> invoices = this.client.gather("invoices", List.of("acme", "globex"),
				new ParameterizedTypeReference<List<Invoice>>() {
				});
		assertThat(invoices).hasSize(2);
		assertThat(invoices.get(1).get(0)).isEqualTo(new Invoice("globex", new BigDecimal("10.50")));
	}

	@Test
	void awaitsAResultOfAGenericType() {
		DispatchId id = this.client.dispatch("totals", List.of("acme"));
		Map<String, Total> totals = this.client.await(id, new ParameterizedTypeReference<Map<String, Total>>() {
		}, TIMEOUT);
		assertThat(totals).containsExactly(Map.entry("acme", new Total(new BigDecimal("12.75"), 2)));
	}

	@Test
	void aHandleNamedByItsMethodReadsTheGenericReturnType() {
		DispatchFunctionHandle<String, List<Invoice>> invoices = this.client.function(Billing::invoices);
		Invoice first = invoices.call("initech").get(0);
		assertThat(first.customer()).isEqualTo("initech");
		DispatchFunctionHandle<List<String>, Map<String, Total>> totals = this.client.function(Billing::totals);
		assertThat(totals.call(List.of("a", "b")).get("b").count()).isEqualTo(2);
	}

	@Test
	void aHandleNamedByNameTakesAGenericType() {
		DispatchFunctionHandle<String, List<Invoice>> invoices = this.client.function("invoices",
				new ParameterizedTypeReference<List<Invoice>>() {
				});
		assertThat(invoices.gather(List.of("x")).get(0).get(1).amount()).isEqualByComparingTo("2.25");
	}

	@Test
	void awaitsAsynchronouslyWithoutBlockingTheCaller() throws Exception {
		DispatchId id = this.client.dispatch("held", "released");
		CompletableFuture<String> result = this.client.awaitAsync(id, String.class, TIMEOUT);
		CompletableFuture<List<List<Invoice>>> invoices = this.client.function(Billing::invoices)
			.gatherAsync(List.of("acme"));
		assertThat(invoices.get(1, TimeUnit.MINUTES).get(0).get(0).customer()).isEqualTo("acme");
		assertThat(result).isNotDone();
		this.billing.release.countDown();
		assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo("released");
	}

	@Test
	void refusesFuturesInsideFunctions() {
		String message = "would hold the scheduler's thread inside a Dispatch function, where a call's results "
				+ "arrive by replay; use gather, which suspends the function instead";
		DispatchId id = this.client.dispatch("invoices", "acme");
		assertThat(this.client.gather("awaitsAsyncInside", List.of(id.value()), String.class))
			.containsExactly("awaitAsync " + message);
		assertThat(this.client.gather("gathersAsyncInside", List.of("x"), String.class))
			.containsExactly("gatherAsync " + message);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Billing.class)
	static class ModelApplication {

	}

}
