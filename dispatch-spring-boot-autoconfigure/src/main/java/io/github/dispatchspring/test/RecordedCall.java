package io.github.dispatchspring.test;

import java.util.List;

import com.google.protobuf.Any;
import io.github.dispatchspring.DispatchId;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * A call the scheduler accepted during a test, as the store holds it: its function, input, the
 * statuses its attempts ended with and its outcome. Made by {@link DispatchTestKit#calls()}; a snapshot
 * that does not change as the call goes on.
 */
public final class RecordedCall {

	private final DispatchId id;

	private final String function;

	private final @Nullable DispatchId parentId;

	private final Any input;

	private final List<DispatchStatus> statuses;

	private final @Nullable DispatchStatus outcome;

	private final @Nullable CallResult result;

	private final ValueCodec codec;

	RecordedCall(DispatchId id, String function, @Nullable DispatchId parentId, Any input,
			List<DispatchStatus> statuses, @Nullable DispatchStatus outcome, @Nullable CallResult result,
			ValueCodec codec) {
		this.id = id;
		this.function = function;
		this.parentId = parentId;
		this.input = input;
		this.statuses = List.copyOf(statuses);
		this.outcome = outcome;
		this.result = result;
		this.codec = codec;
	}

	/**
	 * The call's dispatch id.
	 * @return the id
	 */
	public DispatchId id() {
		return this.id;
	}

	/**
	 * The name of the function called (the last one, after tail calls).
	 * @return the function's name
	 */
	public String function() {
		return this.function;
	}

	/**
	 * The call that made this one.
	 * @return its dispatch id, or {@code null} for a call dispatched from outside functions
	 */
	public @Nullable DispatchId parentId() {
		return this.parentId;
	}

	/**
	 * The call's input, read as the given type.
	 * @param <T> the type
	 * @param type the class to read it as
	 * @return the input
	 */
	public <T> @Nullable T input(Class<T> type) {
		return this.codec.decode(this.input, type);
	}

	/**
	 * The statuses the call's attempts ended with, oldest first: the failed attempts that were retried,
	 * then the outcome once the call has ended. A run resumed after {@code gather} or {@code sleep} is
	 * not another attempt.
	 * @return the statuses
	 */
	public List<DispatchStatus> statuses() {
		return this.statuses;
	}

	/**
	 * How many attempts ended: the size of {@link #statuses()}.
	 * @return the number of attempts
	 */
	public int attempts() {
		return this.statuses.size();
	}

	/**
	 * The status the call ended with.
	 * @return the status, or {@code null} while it has not ended
	 */
	public @Nullable DispatchStatus outcome() {
		return this.outcome;
	}

	/**
	 * The value the call returned, read as the given type.
	 * @param <T> the type
	 * @param type the class to read it as
	 * @return the value
	 * @throws IllegalStateException if the call has not ended with {@code OK}
	 */
	public <T> @Nullable T output(Class<T> type) {
		if (this.outcome != DispatchStatus.OK || this.result == null) {
			throw new IllegalStateException("Call " + this.id + " of " + this.function + " has no output: "
					+ ((this.outcome != null) ? "it ended with " + this.outcome + errorMessage() : "it has not ended"));
		}
		return this.codec.decode(this.result.getOutput(), type);
	}

	/**
	 * The message of the error the call ended with.
	 * @return the message, or {@code null} if it did not end with an error
	 */
	public @Nullable String error() {
		return (this.result != null && this.result.hasError()) ? this.result.getError().getMessage() : null;
	}

	private String errorMessage() {
		String error = error();
		return (error != null) ? " (" + error + ")" : "";
	}

	@Override
	public String toString() {
		return this.function + " " + this.id + " " + this.statuses + ((this.outcome != null) ? " ended" : "");
	}

}
