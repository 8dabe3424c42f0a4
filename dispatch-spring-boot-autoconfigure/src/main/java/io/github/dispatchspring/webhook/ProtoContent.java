package io.github.dispatchspring.webhook;

import java.util.Locale;
import java.util.Set;

import io.github.dispatchspring.proto.ConnectError;
import org.jspecify.annotations.Nullable;

/**
 * The content types under which binary protocol messages are accepted.
 */
final class ProtoContent {

	private static final Set<String> ACCEPTED = Set.of("application/proto", "application/x-protobuf",
			"application/protobuf", "application/octet-stream");

	private ProtoContent() {
	}

	static @Nullable ConnectError check(@Nullable String contentType) {
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
