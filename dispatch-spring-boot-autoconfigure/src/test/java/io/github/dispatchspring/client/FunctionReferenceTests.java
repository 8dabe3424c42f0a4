package io.github.dispatchspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchFunctionHandle;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.FunctionReference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Functions named by their methods: the name and the types come from the method, the compiler checks
 * them, and a reference to anything but a registered function is refused with a clear message.
 */
@SpringBootTest(classes = FunctionReferenceTests.ReferencesApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "dispatch.scheduler.store=memory")
class FunctionReferenceTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	private DispatchClient client;

	@Autowired
	private Invoicing invoicing;

	@Test
	void dispatchesGathersAndAwaitsThroughAMethodReference() {
		DispatchFunctionHandle<String, String> generate = this.client.function(Invoicing::generateInvoice);
		assertThat(generate.name()).isEqualTo("generateInvoice");
		assertThat(generate.call("acme")).isEqualTo("invoices/acme.pdf");
		assertThat(generate.gather(List.of("a", "b"))).containsExactly("invoices/a.pdf", "invoices/b.pdf");
		DispatchId id = generate.dispatch("c");
		assertThat(generate.await(id, TIMEOUT)).isEqualTo("invoices/c.pdf");
	}

	@Test
	void takesTheNameFromTheAnnotationAndBoxesAPrimitiveResult() {
		DispatchFunctionHandle<List<String>, Integer> count = this.client.function(Invoicing::count);
		assertThat(count.name()).isEqualTo("invoices.count");
		assertThat(count.call(List.of("a", "b", "c"))).isEqualTo(3);
	}

	@Test
	void namesFunctionsWithoutInputOrWithoutResult() {
		DispatchFunctionHandle<Void, String> report = this.client.function(Invoicing::report);
		assertThat(report.call(null)).isEqualTo("report");
		DispatchFunctionHandle<String, Void> upload = this.client.function(Invoicing::upload);
		assertThat(upload.call("invoices/a.pdf")).isNull();
		assertThat(this.invoicing.uploaded).containsExactly("invoices/a.pdf");
	}

	@Test
	void refusesAMethodThatIsNotADispatchFunction() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.function(Invoicing::notAFunction))
			.withMessage(Invoicing.class.getName() + ".notAFunction is not a @DispatchFunction of this application: "
					+ "annotate the method of the bean with @DispatchFunction, or name a function of another "
					+ "application with function(String, Class)");
	}

	@Test
	void refusesALambdaThatIsNoMethodReference() {
		FunctionReference<Invoicing, String, String> lambda = (bean, input) -> bean.generateInvoice(input);
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.function(lambda))
			.withMessageContaining("must be a method reference to an instance method, such as "
					+ "Invoicing::generateInvoice, not a lambda");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Invoicing.class)
	static class ReferencesApplication {

	}

	static class Invoicing {

		final List<String> uploaded = new CopyOnWriteArrayList<>();

		@DispatchFunction
		public String generateInvoice(String clientId) {
			return "invoices/" + clientId + ".pdf";
		}

		@DispatchFunction("invoices.count")
		public int count(List<String> paths) {
			return paths.size();
		}

		@DispatchFunction
		public String report() {
			return "report";
		}

		@DispatchFunction
		public void upload(String path) {
			this.uploaded.add(path);
		}

		public String notAFunction(String text) {
			return text;
		}

	}

}
