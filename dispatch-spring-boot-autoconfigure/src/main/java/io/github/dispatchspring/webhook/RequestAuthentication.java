package io.github.dispatchspring.webhook;

import io.github.dispatchspring.proto.ConnectError;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a request may be served.
 */
@FunctionalInterface
public interface RequestAuthentication {

	/** Accepts every request. */
	RequestAuthentication NONE = (request) -> null;

	/**
	 * Checks a request.
	 * @param request the request
	 * @return the error to answer with, or {@code null} to serve it
	 */
	@Nullable ConnectError check(WireRequest request);

}
