package io.github.dispatchspring.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.jspecify.annotations.Nullable;

/**
 * The checks an authenticated protocol request passes before it is acted on: content type and a
 * body that parses as the expected message. Either the message or the refusal to answer with.
 *
 * @param message the parsed message, or {@code null} when refused
 * @param refusal the answer to a refused request, or {@code null} when admitted
 * @param <T> the message type
 */
public record Admission<T extends Message>(@Nullable T message, @Nullable WireResponse refusal) {

	/**
	 * Checks a request.
	 * @param request the request
	 * @param expected the default instance of the expected message
	 * @param <T> the message type
	 * @return the admission
	 */
	@SuppressWarnings("unchecked")
	public static <T extends Message> Admission<T> of(WireRequest request, T expected) {
		ConnectError refused = ProtoContent.MESSAGE.check(request.header("Content-Type"));
		if (refused != null) {
			return new Admission<>(null, WireResponse.error(refused));
		}
		try {
			return new Admission<>((T) expected.getParserForType().parseFrom(request.body()), null);
		}
		catch (InvalidProtocolBufferException ex) {
			String type = expected.getDescriptorForType().getName();
			return new Admission<>(null,
					WireResponse.error(ConnectError.invalidArgument("the body is not a " + type + ": " + ex.getMessage())));
		}
	}

}
