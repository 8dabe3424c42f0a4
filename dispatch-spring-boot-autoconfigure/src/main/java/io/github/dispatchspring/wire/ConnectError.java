package io.github.dispatchspring.wire;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * An error answer in the Connect protocol's JSON shape, {@code {"code": ..., "message": ...}}.
 *
 * @param httpStatus the HTTP status code
 * @param code the Connect error code
 * @param message what was wrong
 */
public record ConnectError(int httpStatus, String code, String message) {

	/** The content type of the answer. */
	public static final String CONTENT_TYPE = "application/json";

	public static ConnectError invalidArgument(String message) {
		return new ConnectError(400, "invalid_argument", message);
	}

	public static ConnectError unauthenticated(String message) {
		return new ConnectError(401, "unauthenticated", message);
	}

	public static ConnectError permissionDenied(String message) {
		return new ConnectError(403, "permission_denied", message);
	}

	public static ConnectError notFound(String message) {
		return new ConnectError(404, "not_found", message);
	}

	public static ConnectError tooLarge(String message) {
		return new ConnectError(413, "resource_exhausted", message);
	}

	public static ConnectError unavailable(String message) {
		return new ConnectError(503, "unavailable", message);
	}

	public static ConnectError unsupportedMediaType(String message) {
		return new ConnectError(415, "invalid_argument", message);
	}

	/**
	 * The JSON body of the answer.
	 * @return UTF-8 JSON
	 */
	public byte[] toJson() {
		StringBuilder json = new StringBuilder("{\"code\":\"");
		JsonStringEncoder.getInstance().quoteAsString(this.code, json);
		json.append("\",\"message\":\"");
		JsonStringEncoder.getInstance().quoteAsString(this.message, json);
		return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
	}

}
