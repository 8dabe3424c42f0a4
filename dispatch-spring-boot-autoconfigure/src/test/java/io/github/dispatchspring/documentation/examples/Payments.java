package io.github.dispatchspring.documentation.examples;

import java.util.Optional;

import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.DispatchStatus;

import org.springframework.context.annotation.Bean;

/**
 * A function calling a payment provider, with its own retry settings and a mapper of the provider's
 * exceptions to statuses.
 */
class Payments {

	private final PaymentProvider payments;

	Payments(PaymentProvider payments) {
		this.payments = payments;
	}

	@DispatchFunction(maxAttempts = 5, timeout = "30s", expiration = "1h", noRetryFor = CardDeclinedException.class)
	public Receipt chargeCard(Order order) {
		return payments.charge(order);
	}

	@Bean
	DispatchExceptionMapper paymentErrors() {
		return (exception) -> {
			if (exception instanceof CardDeclinedException) {
				return Optional.of(DispatchStatus.PERMANENT_ERROR);
			}
			if (exception instanceof PaymentProviderBusyException) {
				return Optional.of(DispatchStatus.THROTTLED);
			}
			return Optional.empty();
		};
	}

	/** The provider's client. */
	interface PaymentProvider {

		Receipt charge(Order order);

	}

	/** What a charge returns. @param orderId the order charged */
	record Receipt(String orderId) {
	}

	/** The provider refused the card. */
	static class CardDeclinedException extends RuntimeException {

	}

	/** The provider asks to slow down. */
	static class PaymentProviderBusyException extends RuntimeException {

	}

}
