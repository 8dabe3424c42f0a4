package io.github.dispatchspring.wire;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 to a request for a protocol path whose content type that path does not accept, before
 * anything else looks at it: before Spring's multipart resolution, form parsing or any other filter
 * could read the body, so that every content type is refused with a Connect error, never a server
 * error. Register it first, for every path. It tells its {@link RequestOutcomes} how each request
 * to a protocol path was answered.
 */
public final class ProtoContentFilter extends OncePerRequestFilter {

	private final Map<String, ProtoContent> paths;

	private final RequestOutcomes outcomes;

	/**
	 * Creates the filter.
	 * @param paths what each protocol path accepts, by the path it ends with
	 */
	public ProtoContentFilter(Map<String, ProtoContent> paths) {
		this(paths, RequestOutcomes.NONE);
	}

	/**
	 * Creates the filter, telling how requests to the protocol paths were answered.
	 * @param paths what each protocol path accepts, by the path it ends with
	 * @param outcomes hears the answers
	 */
	public ProtoContentFilter(Map<String, ProtoContent> paths, RequestOutcomes outcomes) {
		this.paths = Map.copyOf(paths);
		this.outcomes = outcomes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String protocolPath = protocolPath(request);
		ConnectError refused = (protocolPath != null) ? this.paths.get(protocolPath).check(request.getContentType())
				: null;
		if (refused == null) {
			int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
			try {
				chain.doFilter(request, response);
				status = response.getStatus();
			}
			finally {
				if (protocolPath != null) {
					this.outcomes.answered(protocolPath, status);
				}
			}
			return;
		}
		this.outcomes.answered(protocolPath, refused.httpStatus());
		byte[] body = refused.toJson();
		response.setStatus(refused.httpStatus());
		response.setContentType(ConnectError.CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private @Nullable String protocolPath(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		for (String protocolPath : this.paths.keySet()) {
			if (path.endsWith(protocolPath)) {
				return protocolPath;
			}
		}
		return null;
	}

}
