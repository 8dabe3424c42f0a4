package io.github.dispatchspring.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the dashboard's page, its login form and its static assets from
 * {@code META-INF/dispatch/dashboard/} in the jar, and logs people in and out. The page holds no
 * data: its script reads the {@link DashboardApi}. Its paths are within the dashboard's, which the
 * application's MVC configuration puts before them.
 */
@Controller
public final class DashboardPages {

	/** The path of the login form, within the dashboard's. */
	static final String LOGIN = "/login";

	/** The paths of the static assets, within the dashboard's. */
	static final Pattern ASSET = Pattern.compile("/assets/[a-z-]+\\.(?:js|css)");

	private static final String LOCATION = "META-INF/dispatch/dashboard/";

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final DashboardAccess access;

	private final String path;

	/**
	 * Creates the pages.
	 * @param access who may use the dashboard
	 * @param path the path of the dashboard, without the context path
	 */
	public DashboardPages(DashboardAccess access, String path) {
		this.access = access;
		this.path = path;
	}

	@GetMapping("/")
	ResponseEntity<byte[]> page() {
		return ResponseEntity.ok().contentType(HTML).body(read("index.html"));
	}

	@GetMapping(LOGIN)
	ResponseEntity<?> loginForm(HttpServletRequest request) {
		if (!this.access.loginForm()) {
			return redirect(request, "/");
		}
		return ResponseEntity.ok().contentType(HTML).body(read("login.html"));
	}

	@PostMapping(path = LOGIN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<byte[]> login(@RequestParam(name = "key", defaultValue = "") String key,
			HttpServletRequest request) {
		ResponseCookie cookie = this.access.login(key, request.isSecure(), request.getContextPath() + this.path);
		if (cookie == null) {
			String page = new String(read("login.html"), StandardCharsets.UTF_8).replace("<p class=\"refused\" hidden>",
					"<p class=\"refused\">");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.contentType(HTML)
				.body(page.getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(location(request, "/"))
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.build();
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(HttpServletRequest request) {
		return ResponseEntity.noContent()
			.header(HttpHeaders.SET_COOKIE,
					DashboardAccess.logout(request.isSecure(), request.getContextPath() + this.path).toString())
			.build();
	}

	@GetMapping("/assets/{name:[a-z-]+\\.(?:js|css)}")
	ResponseEntity<byte[]> asset(@PathVariable String name) {
		if (DashboardPages.class.getClassLoader().getResource(LOCATION + name) == null) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = name.endsWith(".js") ? new MediaType("text", "javascript", StandardCharsets.UTF_8)
				: new MediaType("text", "css", StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(type).body(read(name));
	}

	private ResponseEntity<Void> redirect(HttpServletRequest request, String to) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location(request, to)).build();
	}

	private URI location(HttpServletRequest request, String to) {
		return URI.create(request.getContextPath() + this.path + to);
	}

	private static byte[] read(String name) {
		try (InputStream input = DashboardPages.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
			if (input == null) {
				throw new IllegalStateException("The dashboard's " + name + " is missing from the jar");
			}
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
