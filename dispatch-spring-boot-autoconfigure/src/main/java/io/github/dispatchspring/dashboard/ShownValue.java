package io.github.dispatchspring.dashboard;

import com.google.protobuf.Any;
import io.github.dispatchspring.SerializationException;
import io.github.dispatchspring.proto.ValueCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An input or output as the dashboard shows it: decoded to JSON by the application's
 * {@link ValueCodec} when it can be, otherwise only its type and size.
 *
 * @param json the value as JSON, or {@code null} when it is not shown (or is {@code null} itself)
 * @param type the protobuf type of the value
 * @param bytes its size on the wire
 * @param omitted why it is not shown, or {@code null} when it is
 */
record ShownValue(@Nullable JsonNode json, String type, int bytes, @Nullable String omitted) {

	/** The largest value shown, in bytes on the wire. */
	static final int MAX_BYTES = 64 * 1024;

	/**
	 * Decodes a value to show it, unless it is larger than {@link #MAX_BYTES}.
	 * @param value the value
	 * @param codec the application's codec
	 * @return the value to show
	 */
	static ShownValue of(Any value, ValueCodec codec) {
		String type = value.getTypeUrl().substring(value.getTypeUrl().lastIndexOf('/') + 1);
		int bytes = value.getSerializedSize();
		if (bytes > MAX_BYTES) {
			return new ShownValue(null, type, bytes, "larger than the " + (MAX_BYTES / 1024) + " KB shown");
		}
		try {
			return new ShownValue(codec.decode(value, JsonNode.class), type, bytes, null);
		}
		catch (SerializationException ex) {
			return new ShownValue(null, type, bytes, "not a value this application decodes");
		}
	}

}
