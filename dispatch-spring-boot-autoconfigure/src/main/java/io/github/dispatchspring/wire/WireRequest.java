package io.github.dispatchspring.wire;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the webhook and the Dispatch API see it, independent of the web framework.
 *
 * @param method the HTTP method
 * @param path the path, without query
 * @param authority the Host header
 * @param headers looks up a header by name, case-insensitively
 * @param body the body
 */
public record WireRequest(String method, String path, String authority, Function<String, @Nullable String> headers,
		byte[] body) {

	/**
	 * The value of a header.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.headers.apply(name);
	}

}
