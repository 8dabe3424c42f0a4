package io.github.dispatchspring.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records the run requests the webhook received and the run responses it answered, as they went
 * over the wire.
 */
public final class RunExchanges extends OncePerRequestFilter {

	private static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !RUN.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, Integer.MAX_VALUE);
		ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
		chain.doFilter(cachedRequest, cachedResponse);
		try {
			this.exchanges.add(new Exchange(RunRequest.parseFrom(cachedRequest.getContentAsByteArray()),
					RunResponse.parseFrom(cachedResponse.getContentAsByteArray())));
		}
		catch (InvalidProtocolBufferException ex) {
			// not a run: nothing to record
		}
		cachedResponse.copyBodyToResponse();
	}

	/**
	 * The exchanges of runs of a function.
	 * @param function the function's name
	 * @return the exchanges, in the order they ended
	 */
	public List<Exchange> of(String function) {
		return this.exchanges.stream().filter((exchange) -> exchange.request().getFunction().equals(function)).toList();
	}

	/**
	 * One run: what the scheduler sent and what the function answered.
	 *
	 * @param request the run request
	 * @param response the run response
	 */
	public record Exchange(RunRequest request, RunResponse response) {

		/**
		 * The bytes of coroutine state carried by this run: what the request brought and what the
		 * response hands back.
		 * @return the number of bytes
		 */
		public long stateBytes() {
			return this.request.getPollResult().getTypedCoroutineState().getSerializedSize()
					+ this.response.getPoll().getTypedCoroutineState().getSerializedSize();
		}

	}

}
