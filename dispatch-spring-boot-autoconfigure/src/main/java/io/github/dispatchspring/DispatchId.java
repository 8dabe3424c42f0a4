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

	@Override
	public String toString() {
		return this.value;
	}

}
