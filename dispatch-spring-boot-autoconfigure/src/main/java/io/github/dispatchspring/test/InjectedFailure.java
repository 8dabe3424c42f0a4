package io.github.dispatchspring.test;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.google.protobuf.Any;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * A failure the test kit makes the attempts of a function end with, before the function runs: with
 * {@code TEMPORARY_ERROR} on every attempt unless told otherwise. The other attempts run the real
 * function. Made by {@link DispatchTestKit#fail(String)}, in force at once and until the kit is reset.
 * <pre class="code">
 * kit.fail("uploadToS3").withStatus(DispatchStatus.TIMEOUT).onAttempts(1, 2);
 * kit.fail("chargeCard").forInput(Order.class, (order) -&gt; order.total().signum() &lt; 0);
 * </pre>
 */
public final class InjectedFailure {

	private final String function;

	private volatile DispatchStatus status = DispatchStatus.TEMPORARY_ERROR;

	private volatile Set<Integer> attempts = Set.of();

	private volatile @Nullable InputCondition<?> input;

	InjectedFailure(String function) {
		this.function = function;
	}

	/**
	 * Sets the status the attempts end with, which decides whether the call is retried.
	 * @param status a status other than {@code OK} and {@code UNSPECIFIED}
	 * @return this failure
	 */
	public InjectedFailure withStatus(DispatchStatus status) {
		if (status == DispatchStatus.OK || status == DispatchStatus.UNSPECIFIED) {
			throw new IllegalArgumentException("An injected failure needs the status of a failure, not " + status);
		}
		this.status = status;
		return this;
	}

	/**
	 * Makes only the given attempts of each call fail, counted from 1 as the scheduler counts them (a
	 * function resumed after {@code gather} or {@code sleep} counts from 1 again).
	 * @param attempts the attempts, each at least 1
	 * @return this failure
	 */
	public InjectedFailure onAttempts(int... attempts) {
		if (attempts.length == 0 || Arrays.stream(attempts).anyMatch((attempt) -> attempt < 1)) {
			throw new IllegalArgumentException("Attempts are counted from 1; name at least one, not "
					+ Arrays.toString(attempts));
		}
		this.attempts = Arrays.stream(attempts).boxed().collect(Collectors.toUnmodifiableSet());
		return this;
	}

	/**
	 * Makes only the calls whose input matches fail.
	 * @param <T> the input's type
	 * @param type the class the input is read as, as the function reads it
	 * @param condition which inputs fail
	 * @return this failure
	 */
	public <T> InjectedFailure forInput(Class<T> type, Predicate<? super T> condition) {
		this.input = new InputCondition<>(type, condition);
		return this;
	}

	/** The function whose calls fail. */
	String function() {
		return this.function;
	}

	/** Whether the attempt of a call of the function fails, reading its input only when needed. */
	boolean appliesTo(int attempt, Supplier<Any> input, ValueCodec codec) {
		Set<Integer> chosen = this.attempts;
		InputCondition<?> condition = this.input;
		return (chosen.isEmpty() || chosen.contains(attempt))
				&& (condition == null || condition.matches(input.get(), codec, this.function));
	}

	/** The response the failed attempt ends with. */
	RunResponse response(int attempt) {
		return RunResponses.failed(this.status, "InjectedFailure",
				"The test kit failed attempt " + attempt + " of " + this.function + " with " + this.status);
	}

	private record InputCondition<T>(Class<T> type, Predicate<? super T> condition) {

		boolean matches(Any input, ValueCodec codec, String function) {
			T value;
			try {
				value = codec.decode(input, this.type);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("The input of a call of " + function + " cannot be read as "
						+ this.type.getName() + " to choose whether it fails: " + ex.getMessage(), ex);
			}
			return this.condition.test(value);
		}

	}

}
