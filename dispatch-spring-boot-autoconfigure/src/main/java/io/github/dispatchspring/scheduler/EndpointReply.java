package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Pattern;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.RunResponses;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what an endpoint answered to a run request, within bounds: a run response of at most the
 * size limit, or for any other answer a failure carrying its HTTP status and, when the body is a
 * Connect error, its code and a truncated message. No other byte of the body reaches the call's
 * error, so a call cannot be used to read what an arbitrary server answers.
 */
final class EndpointReply {

	static final String CONTENT_TYPE = "application/proto";

	private static final int MAX_MESSAGE_LENGTH = 256;

	private static final Pattern CONNECT_CODE = Pattern.compile("[a-z_]{1,32}");

	private static final JsonMapper json = new JsonMapper();

	private final long maxSize;

	/**
	 * Creates the reader.
	 * @param maxSize the most bytes of a run response read
	 */
	EndpointReply(long maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Reads an answer and closes its body.
	 * @param response the answer, its body not read yet
	 * @return the endpoint's run response, or a failure describing the answer
	 * @throws IOException if the body cannot be read
	 */
	RunResponse read(HttpResponse<InputStream> response) throws IOException {
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			if (status == 200 && contentType.equals(CONTENT_TYPE)) {
				return runResponse(response, body);
			}
			if (status == 200) {
				return RunResponses.failed(DispatchStatus.INVALID_RESPONSE, "HttpStatus200",
						"the endpoint answered HTTP 200 without a run response (its content type is not " + CONTENT_TYPE
								+ ")");
			}
			return RunResponses.failed(DispatchStatus.ofHttpStatus(status), "HttpStatus" + status,
					"the endpoint answered HTTP " + status + connectError(body, contentType));
		}
	}

	private RunResponse runResponse(HttpResponse<InputStream> response, InputStream body) throws IOException {
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		byte[] bytes = (declared > this.maxSize) ? null : body.readNBytes(limit(this.maxSize + 1));
		if (bytes == null || bytes.length > this.maxSize) {
			return RunResponses.failed(DispatchStatus.INVALID_RESPONSE, "ResponseTooLarge",
					"the endpoint answered a run response larger than the limit of " + this.maxSize
							+ " bytes (dispatch.max-request-size)");
		}
		try {
			return RunResponse.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			return RunResponses.failed(DispatchStatus.INVALID_RESPONSE, "InvalidResponse",
					"the endpoint answered a malformed run response: " + ex.getMessage());
		}
	}

	private String connectError(InputStream body, String contentType) throws IOException {
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return "";
		}
		ConnectFields error = ConnectFields.read(body.readNBytes(limit(this.maxSize)));
		if (error.code() == null || !CONNECT_CODE.matcher(error.code()).matches()) {
			return "";
		}
		String message = (error.message() != null) ? ": " + printable(error.message(), MAX_MESSAGE_LENGTH) : "";
		return ": " + error.code() + message;
	}

	private static String printable(String text, int maxLength) {
		StringBuilder printable = new StringBuilder(Math.min(text.length(), maxLength));
		text.codePoints().limit(maxLength).forEach((c) -> printable.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return (text.codePointCount(0, text.length()) > maxLength) ? printable + "..." : printable.toString();
	}

	private static int limit(long size) {
		return (int) Math.min(Integer.MAX_VALUE - 8, size);
	}

	/** The {@code code} and {@code message} of a Connect error, as far as its JSON could be read. */
	private record ConnectFields(@Nullable String code, @Nullable String message) {

		static ConnectFields read(byte[] bytes) {
			String code = null;
			String message = null;
			try (JsonParser parser = json.createParser(bytes)) {
				if (parser.nextToken() == JsonToken.START_OBJECT) {
					while ((code == null || message == null) && parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = parser.currentName();
						if (parser.nextToken() != JsonToken.VALUE_STRING) {
							parser.skipChildren();
						}
						else if (name.equals("code")) {
							code = parser.getString();
						}
						else if (name.equals("message")) {
							message = parser.getString();
						}
					}
				}
			}
			catch (JacksonException ex) {
				// keep what was read before the JSON broke off
			}
			return new ConnectFields(code, message);
		}

	}

}
