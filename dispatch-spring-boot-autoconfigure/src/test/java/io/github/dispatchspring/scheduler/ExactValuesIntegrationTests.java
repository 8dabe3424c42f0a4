package io.github.dispatchspring.scheduler;

import java.util.List;

import io.github.dispatchspring.CallFailedException;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.SerializationException;
import io.github.dispatchspring.testsupport.GeneratedValues;
import io.github.dispatchspring.testsupport.GeneratedValues.Ledger;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Generated values through real calls on the {@link EmbeddedScheduler}, with the {@code JsonMapper} Spring
 * Boot configures: inputs and results arrive exactly as sent, through a gather from outside and from inside
 * a function, and a value that cannot travel exactly fails its call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "dispatch.client.await-timeout=30s")
class ExactValuesIntegrationTests {

	private static final List<Ledger> ledgers = GeneratedValues.fromSeed().ledgers(40).toList();

	@Autowired
	private DispatchClient client;

	@Test
	void gathersResultsEqualToTheInputs() {
		assertThat(this.client.gather("echo", ledgers, Ledger.class)).isEqualTo(ledgers);
	}

	@Test
	void returnsWhatAFunctionGatheredEqualToWhatItWasGiven() {
		Ledgers result = this.client.function("regather", Ledgers.class).call(new Ledgers(ledgers));

		assertThat(result).isEqualTo(new Ledgers(ledgers));
	}

	@Test
	void failsACallWhoseResultCannotTravelExactly() {
		assertThatExceptionOfType(CallFailedException.class)
			.isThrownBy(() -> this.client.function("measure", Reading.class).call("sensor-1"))
			.withMessageContaining(Reading.class.getName())
			.withMessageContaining("NaN");
	}

	@Test
	void refusesAnInputThatCannotTravelExactly() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.client.dispatch("echo", new Reading(Double.POSITIVE_INFINITY)))
			.withMessageContaining(Reading.class.getName())
			.withMessageContaining("Infinity");
	}

	record Ledgers(List<Ledger> ledgers) {
	}

	record Reading(double value) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Functions.class)
	static class ExactValuesApplication {

	}

	static class Functions {

		private final DispatchClient client;

		Functions(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		Ledger echo(Ledger ledger) {
			return ledger;
		}

		@DispatchFunction
		Ledgers regather(Ledgers ledgers) {
			return new Ledgers(this.client.gather("echo", ledgers.ledgers(), Ledger.class));
		}

		@DispatchFunction
		Reading measure(String sensor) {
			return new Reading(Double.NaN);
		}

	}

}
