package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.util.Map;

/**
 * Signs the requests the scheduler sends to endpoints.
 */
@FunctionalInterface
public interface EndpointRequestSigner {

	/** Sends requests unsigned. */
	EndpointRequestSigner NONE = (method, uri, contentType, body) -> Map.of();

	/**
	 * The headers that sign a request.
	 * @param method the HTTP method
	 * @param uri the request URI
	 * @param contentType the content type
	 * @param body the body
	 * @return headers to add
	 */
	Map<String, String> sign(String method, URI uri, String contentType, byte[] body);

}
