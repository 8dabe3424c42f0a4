package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * The protocol's rule for endpoint URLs: {@code http://}, {@code https://}, {@code bridge://} or a
 * Lambda ARN.
 */
public final class EndpointUrls {

	private static final int MAX_LENGTH = 2048;

	private EndpointUrls() {
	}

	/**
	 * What is wrong with an endpoint URL.
	 * @param endpoint the URL
	 * @return a description of the problem, or {@code null} if it is valid
	 */
	public static @Nullable String problem(String endpoint) {
		if (endpoint.isEmpty()) {
			return "is required";
		}
		if (endpoint.length() > MAX_LENGTH) {
			return "is longer than " + MAX_LENGTH + " characters";
		}
		if (endpoint.startsWith("arn:aws:lambda")) {
			return null;
		}
		try {
			URI uri = new URI(endpoint);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("bridge"))) {
				return "'" + endpoint + "' must start with http://, https://, bridge:// or arn:aws:lambda";
			}
			if (uri.getHost() == null && !scheme.equals("bridge")) {
				return "'" + endpoint + "' has no host";
			}
			return null;
		}
		catch (URISyntaxException ex) {
			return "'" + endpoint + "' is not a URL: " + ex.getMessage();
		}
	}

	/**
	 * An endpoint URL without trailing slashes, as endpoint URLs are compared.
	 * @param endpoint the URL
	 * @return the URL without the slashes it ends with
	 */
	public static String withoutTrailingSlashes(String endpoint) {
		int end = endpoint.length();
		while (end > 0 && endpoint.charAt(end - 1) == '/') {
			end--;
		}
		return endpoint.substring(0, end);
	}

}
