package io.github.dispatchspring.testsupport;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests that reach an application's webhook, through the filter it makes.
 */
public final class WebhookRequests {

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * How many requests reached the webhook.
	 * @return the counter, which a test may reset
	 */
	public AtomicInteger count() {
		return this.count;
	}

	/**
	 * A filter counting the requests to the webhook, to register as a bean.
	 * @return the filter
	 */
	public OncePerRequestFilter counter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getRequestURI().equals("/dispatch.sdk.v1.FunctionService/Run")) {
					WebhookRequests.this.count.incrementAndGet();
				}
				chain.doFilter(request, response);
			}

		};
	}

}
