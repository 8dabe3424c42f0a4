package io.github.dispatchspring.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the dashboard's path before anything reads a request: sets headers that keep its pages from
 * running anything but their own script, from being framed and from being cached, lets the login
 * form and the static assets through, and refuses every other request that {@link DashboardAccess}
 * does not admit: the JSON API with {@code 401}, pages with a redirect to the login form. The
 * dashboard's path itself is sent to its page, at the path followed by a slash. Requests
 * that change something, authenticated by the session cookie, must also carry the header
 * {@value #ACTION_HEADER}, which a form of another site cannot send.
 */
public final class DashboardFilter extends OncePerRequestFilter {

	/** The header the dashboard's script sends with its requests. */
	public static final String ACTION_HEADER = "X-Dispatch-Dashboard";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private final DashboardAccess access;

	private final String path;

	/**
	 * Creates the filter.
	 * @param access who may use the dashboard
	 * @param path the path of the dashboard, without the context path
	 */
	public DashboardFilter(DashboardAccess access, String path) {
		this.access = access;
		this.path = path;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String within = request.getRequestURI().substring(request.getContextPath().length());
		if (!within.equals(this.path) && !within.startsWith(this.path + "/")) {
			chain.doFilter(request, response);
			return;
		}
		within = within.substring(this.path.length());
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (within.isEmpty()) {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + this.path + "/");
		}
		else if (within.equals(DashboardPages.LOGIN) || DashboardPages.ASSET.matcher(within).matches()) {
			chain.doFilter(request, response);
		}
		else if (!this.access.admits(request)) {
			refuse(request, response, within);
		}
		else if (changes(request) && this.access.loginForm() && !this.access.bearer(request)
				&& request.getHeader(ACTION_HEADER) == null) {
			error(response, HttpStatus.FORBIDDEN, "send the header " + ACTION_HEADER + " with dashboard actions");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String within) throws IOException {
		if (within.startsWith(DashboardApi.API)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			error(response, HttpStatus.UNAUTHORIZED,
					"log in to the dashboard, or send 'Authorization: Bearer <dispatch.api-key>'");
		}
		else {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + this.path + DashboardPages.LOGIN);
		}
	}

	private static boolean changes(HttpServletRequest request) {
		return !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
	}

	private static void error(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(DashboardJson.error(message));
	}

}
