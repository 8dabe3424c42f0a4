package io.github.dispatchspring.wire;


/**
 * An HTTP answer of the webhook or the Dispatch API.
 *
 * @param status the HTTP status code
 * @param contentType the content type
 * @param body the body
 */
public record WireResponse(int status, String contentType, byte[] body) {

	/** The content type of protocol messages, exactly as Dispatch schedulers expect it. */
	public static final String PROTO = "application/proto";

	public static WireResponse proto(com.google.protobuf.Message message) {
		return new WireResponse(200, PROTO, message.toByteArray());
	}

	public static WireResponse error(ConnectError error) {
		return new WireResponse(error.httpStatus(), ConnectError.CONTENT_TYPE, error.toJson());
	}

}
