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
 * error. Register it first, for every path.
 */
public final class ProtoContentFilter extends OncePerRequestFilter {

	private final Map<String, ProtoContent> paths;

	/**
	 * Creates the filter.
	 * @param paths what each protocol path accepts, by the path it ends with
	 */
	public ProtoContentFilter(Map<String, ProtoContent> paths) {
		this.paths = Map.copyOf(paths);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConnectError refused = refusal(request);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = refused.toJson();
		response.setStatus(refused.httpStatus());
		response.setContentType(ConnectError.CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private @Nullable ConnectError refusal(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		for (Map.Entry<String, ProtoContent> accepted : this.paths.entrySet()) {
			if (path.endsWith(accepted.getKey())) {
				return accepted.getValue().check(request.getContentType());
			}
		}
		return null;
	}

}
