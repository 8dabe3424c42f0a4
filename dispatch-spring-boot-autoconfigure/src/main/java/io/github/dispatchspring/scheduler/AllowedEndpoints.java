package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The endpoints the scheduler may send calls to: those of this application's instances and those
 * under the URL prefixes of {@code dispatch.scheduler.allowed-endpoints}, or any with the prefix
 * {@code *}. A prefix matches on whole URL parts: the same scheme, host and port, and a path that
 * starts with the prefix's path at a {@code /}, so that {@code http://app:8080} allows neither
 * {@code http://app:8080.example.com} nor {@code http://app:80801}.
 */
public final class AllowedEndpoints {

	/** The prefix that allows every endpoint. */
	public static final String ANY = "*";

	/** The property that lists the allowed prefixes. */
	public static final String PROPERTY = "dispatch.scheduler.allowed-endpoints";

	private final List<Prefix> prefixes;

	private final boolean any;

	private final ApplicationInstances instances;

	/**
	 * Creates the allow-list.
	 * @param prefixes the allowed URL prefixes besides the application's instances
	 * @param instances the instances of this application
	 * @throws IllegalArgumentException if a prefix is not an absolute http or https URL
	 */
	public AllowedEndpoints(List<String> prefixes, ApplicationInstances instances) {
		this.any = prefixes.contains(ANY);
		this.prefixes = prefixes.stream().filter((prefix) -> !prefix.equals(ANY)).map(AllowedEndpoints::prefix).toList();
		this.instances = instances;
	}

	/**
	 * Whether every endpoint is allowed.
	 * @return {@code true} when the prefixes include {@code *}
	 */
	public boolean allowsAny() {
		return this.any;
	}

	/**
	 * Why calls may not go to an endpoint.
	 * @param endpoint the endpoint URL
	 * @return the reason, or {@code null} if the endpoint is allowed
	 */
	public @Nullable String refusal(String endpoint) {
		if (this.any) {
			return null;
		}
		Prefix target = parse(endpoint);
		if (target != null && (this.prefixes.stream().anyMatch((allowed) -> allowed.covers(target))
				|| instanceCovers(this.instances.endpoints(), target) || instanceCovers(this.instances.refreshed(), target))) {
			return null;
		}
		return "endpoint '" + abbreviate(endpoint) + "' is not allowed: calls go only to this application's "
				+ "instances and to the URL prefixes listed in " + PROPERTY;
	}

	private static boolean instanceCovers(Set<String> instances, Prefix target) {
		return instances.stream().map(AllowedEndpoints::parse).anyMatch((allowed) -> allowed != null && allowed.covers(target));
	}

	private static Prefix prefix(String value) {
		Prefix prefix = parse(value);
		if (prefix == null) {
			throw new IllegalArgumentException(PROPERTY + " lists '" + value
					+ "', which is not an absolute http:// or https:// URL: list URL prefixes such as "
					+ "https://billing.internal:8443, or * to allow every endpoint");
		}
		return prefix;
	}

	private static @Nullable Prefix parse(String url) {
		try {
			URI uri = new URI(url.trim()).normalize();
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
				return null;
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("http") ? 80 : 443);
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			return new Prefix(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, EndpointUrls.withoutTrailingSlashes(path));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String abbreviate(String endpoint) {
		return (endpoint.length() > 200) ? endpoint.substring(0, 200) + "..." : endpoint;
	}

	/** The parts of a URL a prefix is compared on. */
	private record Prefix(String scheme, String host, int port, String path) {

		boolean covers(Prefix target) {
			return this.scheme.equals(target.scheme) && this.host.equals(target.host) && this.port == target.port
					&& (target.path.equals(this.path) || target.path.startsWith(this.path + "/"));
		}

	}

}
