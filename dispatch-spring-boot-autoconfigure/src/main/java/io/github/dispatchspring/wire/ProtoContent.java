package io.github.dispatchspring.wire;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The content types under which the webhook and the Dispatch API accept a request body: binary
 * protocol messages as {@code application/proto} and its aliases, or no content type at all, as
 * Dispatch SDKs send them; the experimental {@code Wait} and {@code Cancel} also take their dispatch
 * id as text.
 */
public final class ProtoContent {

	private static final Set<String> PROTO = Set.of("application/proto", "application/x-protobuf",
			"application/protobuf", "application/octet-stream");

	/** A binary protocol message. */
	public static final ProtoContent MESSAGE = new ProtoContent(PROTO, "a binary message as application/proto");

	/** A dispatch id, as UTF-8 text or as the bytes of a message body. */
	public static final ProtoContent DISPATCH_ID = new ProtoContent(
			Stream.concat(PROTO.stream(), Stream.of("text/plain")).collect(Collectors.toUnmodifiableSet()),
			"the dispatch id as text/plain or application/proto");

	private final Set<String> accepted;

	private final String expected;

	private ProtoContent(Set<String> accepted, String expected) {
		this.accepted = accepted;
		this.expected = expected;
	}

	/**
	 * Checks the content type of a request.
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @return a 415 error for any other content type, or {@code null} to read the body
	 */
	public @Nullable ConnectError check(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (this.accepted.contains(mediaType)) {
			return null;
		}
		return ConnectError.unsupportedMediaType("content type '" + abbreviate(contentType)
				+ "' is not supported: send " + this.expected);
	}

	private static String abbreviate(String contentType) {
		return (contentType.length() > 100) ? contentType.substring(0, 100) + "..." : contentType;
	}

}
