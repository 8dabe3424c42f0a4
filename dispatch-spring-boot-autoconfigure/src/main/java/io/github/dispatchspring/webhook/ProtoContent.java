package io.github.dispatchspring.webhook;

import java.util.Locale;
import java.util.Set;

import io.github.dispatchspring.proto.ConnectError;
import org.jspecify.annotations.Nullable;

/**
 * The content types under which the webhook and the Dispatch API accept binary protocol messages:
 * {@code application/proto} and its aliases, or none at all, as Dispatch SDKs send them.
 */
public final class ProtoContent {

	private static final Set<String> ACCEPTED = Set.of("application/proto", "application/x-protobuf",
			"application/protobuf", "application/octet-stream");

	private ProtoContent() {
	}

	/**
	 * Checks the content type of a request.
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @return a 415 error for any other content type, or {@code null} to read the body
	 */
	public static @Nullable ConnectError check(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (ACCEPTED.contains(mediaType)) {
			return null;
		}
		return ConnectError.unsupportedMediaType(
				"content type '" + contentType + "' is not supported: send a binary message as application/proto");
	}

}
