package io.github.dispatchspring;

import java.util.Optional;

/**
 * Chooses the status a call ends with when its function throws an exception of the application's
 * own. Beans of this type are consulted in their order, before the built-in mapping, for the
 * exception and then for each of its causes; the first status given wins.
 *
 * <pre class="code">
 * &#64;Bean
 * DispatchExceptionMapper paymentDeclined() {
 *     return (exception) -&gt; (exception instanceof PaymentDeclinedException)
 *             ? Optional.of(DispatchStatus.PERMANENT_ERROR) : Optional.empty();
 * }
 * </pre>
 */
@FunctionalInterface
public interface DispatchExceptionMapper {

	/**
	 * The status of a call whose function threw this exception.
	 * @param exception the exception, or one of its causes
	 * @return the status, or empty to leave the choice to the next mapper and the built-in mapping
	 */
	Optional<DispatchStatus> status(Throwable exception);

}
