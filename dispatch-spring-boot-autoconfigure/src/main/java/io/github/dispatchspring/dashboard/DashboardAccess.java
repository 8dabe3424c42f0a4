package io.github.dispatchspring.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * Who may use the dashboard. With the API key, a request is admitted when it carries the key as a
 * bearer token, or the session cookie the login form sets: an expiry time and an HMAC-SHA256 of it
 * keyed with the API key, so that it reveals nothing of the key and ends with the session or when
 * the key changes. Otherwise the application's Spring Security decides, or, on a developer machine,
 * everyone is admitted.
 */
public final class DashboardAccess {

	/** The name of the session cookie. */
	public static final String COOKIE = "dispatch-dashboard";

	private static final String MAC = "HmacSHA256";

	private final Mode mode;

	private final byte[] bearer;

	private final @Nullable SecretKeySpec key;

	private final Duration session;

	private final Clock clock;

	private DashboardAccess(Mode mode, @Nullable String apiKey, Duration session, Clock clock) {
		this.mode = mode;
		this.bearer = ("Bearer " + ((apiKey != null) ? apiKey : "")).getBytes(StandardCharsets.UTF_8);
		this.key = (apiKey != null) ? new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), MAC) : null;
		this.session = session;
		this.clock = clock;
	}

	/**
	 * Admits the holders of the API key.
	 * @param apiKey the key
	 * @param session how long a login lasts
	 * @param clock the clock
	 * @return the access
	 */
	public static DashboardAccess apiKey(String apiKey, Duration session, Clock clock) {
		return new DashboardAccess(Mode.API_KEY, apiKey, session, clock);
	}

	/**
	 * Admits every request that reaches the dashboard: the application's Spring Security decides who
	 * that is.
	 * @return the access
	 */
	public static DashboardAccess springSecurity() {
		return new DashboardAccess(Mode.APPLICATION, null, Duration.ZERO, Clock.systemUTC());
	}

	/**
	 * Admits everyone, on a developer machine.
	 * @return the access
	 */
	public static DashboardAccess everyone() {
		return new DashboardAccess(Mode.EVERYONE, null, Duration.ZERO, Clock.systemUTC());
	}

	/**
	 * Whether people log in with the dashboard's own form.
	 * @return {@code true} when the API key protects the dashboard
	 */
	public boolean loginForm() {
		return this.mode == Mode.API_KEY;
	}

	/**
	 * Whether a request carries the key or a session cookie that is still valid.
	 * @param request the request
	 * @return {@code true} if it is admitted
	 */
	public boolean admits(HttpServletRequest request) {
		return this.mode != Mode.API_KEY || bearer(request) || validSession(request);
	}

	/**
	 * Whether a request carries the key as a bearer token.
	 * @param request the request
	 * @return {@code true} if it does
	 */
	boolean bearer(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null
				&& MessageDigest.isEqual(this.bearer, authorization.getBytes(StandardCharsets.UTF_8));
	}

	private boolean validSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		for (Cookie cookie : (cookies != null) ? cookies : new Cookie[0]) {
			if (cookie.getName().equals(COOKIE) && validSession(cookie.getValue())) {
				return true;
			}
		}
		return false;
	}

	private boolean validSession(String value) {
		int separator = value.indexOf('.');
		if (separator < 1) {
			return false;
		}
		long expiry;
		try {
			expiry = Long.parseLong(value.substring(0, separator));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return expiry > this.clock.instant().getEpochSecond() && MessageDigest.isEqual(
				sign(expiry).getBytes(StandardCharsets.US_ASCII), value.substring(separator + 1).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The session cookie for a login with the given key, or {@code null} if the key is wrong.
	 * @param apiKey the key typed into the form
	 * @param secure whether the request came over HTTPS, so that the cookie is sent only over HTTPS
	 * @param path the path of the dashboard, the only one the cookie is sent to
	 * @return the cookie, HTTP-only and sent to the dashboard's own pages only
	 */
	public @Nullable ResponseCookie login(String apiKey, boolean secure, String path) {
		if (this.mode != Mode.API_KEY || !MessageDigest.isEqual(this.bearer,
				("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8))) {
			return null;
		}
		long expiry = this.clock.instant().plus(this.session).getEpochSecond();
		return cookie(expiry + "." + sign(expiry), secure, path, this.session);
	}

	/**
	 * The cookie that ends a session.
	 * @param secure whether the request came over HTTPS
	 * @param path the path of the dashboard
	 * @return the expired cookie
	 */
	public static ResponseCookie logout(boolean secure, String path) {
		return cookie("", secure, path, Duration.ZERO);
	}

	private static ResponseCookie cookie(String value, boolean secure, String path, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Strict")
			.path(path)
			.maxAge(maxAge)
			.build();
	}

	private String sign(long expiry) {
		try {
			Mac mac = Mac.getInstance(MAC);
			mac.init(this.key);
			byte[] signature = mac.doFinal((COOKIE + "." + expiry).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private enum Mode {

		API_KEY, APPLICATION, EVERYONE

	}

}
