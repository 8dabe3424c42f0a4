package io.github.dispatchspring.wire;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a request may be served, in two steps: from its head, before its body is read,
 * then from the whole request.
 */
@FunctionalInterface
public interface RequestAuthentication {

	/** Accepts every request. */
	RequestAuthentication NONE = (head) -> null;

	/**
	 * Checks the head of a request: its method, path and headers. The body is not read yet.
	 * @param head the request, with an empty body
	 * @return the error to answer with, or {@code null} to read the body
	 */
	@Nullable ConnectError checkHead(WireRequest head);

	/**
	 * Checks a request whose head {@link #checkHead} accepted, once its body is read.
	 * @param request the request
	 * @return the error to answer with, or {@code null} to serve it
	 */
	default @Nullable ConnectError checkBody(WireRequest request) {
		return null;
	}

}
