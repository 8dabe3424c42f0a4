package io.github.dispatchspring.signature;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An incoming HTTP request as seen by {@link RequestVerifier}, independent of any web framework.
 *
 * @param method the request method exactly as received, e.g. {@code POST}
 * @param path the request path; a query string, if included, is ignored
 * @param authority the value of the {@code Host} header (or the HTTP/2 {@code :authority})
 * @param headers returns the value of the header with the given case-insensitive name, or
 *     {@code null} if the request has none
 * @param body the raw request body; {@code null} means empty
 */
public record SignedRequest(
		String method, String path, String authority, Function<String, String> headers, byte[] body) {

	public SignedRequest {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(authority, "authority");
		Objects.requireNonNull(headers, "headers");
		body = body == null ? new byte[0] : body;
	}

	/** Creates a request whose headers are looked up case-insensitively in a copy of {@code headers}. */
	public static SignedRequest of(
			String method, String path, String authority, Map<String, String> headers, byte[] body) {
		Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseInsensitive.putAll(headers);
		return new SignedRequest(method, path, authority, caseInsensitive::get, body);
	}

	/** The value of the named header, or {@code null}. */
	public String header(String name) {
		return headers.apply(name);
	}

	/**
	 * The RFC 9421 component value of a covered component: a derived component ({@code @method},
	 * {@code @path}, {@code @authority}) or a header field, trimmed.
	 *
	 * @throws SignatureVerificationException if the component is unsupported or the header is absent
	 */
	String componentValue(String component) {
		String value = switch (component) {
			case "@method" -> method;
			case "@path" -> pathWithoutQuery();
			case "@authority" -> authority.strip().toLowerCase(Locale.ROOT);
			default -> {
				if (component.startsWith("@")) {
					throw SignatureVerificationException.malformed(
							"signature covers unsupported derived component " + component);
				}
				String header = header(component);
				if (header == null) {
					throw SignatureVerificationException.malformed(
							"request has no " + component + " header, which the signature covers");
				}
				yield header.strip();
			}
		};
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw SignatureVerificationException.malformed(component + " contains a line break");
		}
		return value;
	}

	private String pathWithoutQuery() {
		int query = path.indexOf('?');
		String withoutQuery = query < 0 ? path : path.substring(0, query);
		return withoutQuery.isEmpty() ? "/" : withoutQuery;
	}
}
