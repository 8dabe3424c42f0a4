package io.github.dispatchspring;

/**
 * The identifier the scheduler gives an accepted call.
 *
 * @param value the identifier as sent on the wire
 */
public record DispatchId(String value) {

	public DispatchId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A dispatch id must not be empty");
		}
	}

	/**
	 * The dispatch id with this value, for example one read back from a URL.
	 * @param value the id, as {@link #value()} gave it
	 * @return the dispatch id
	 * @throws IllegalArgumentException if the value is empty
	 */
	public static DispatchId of(String value) {
		return new DispatchId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
