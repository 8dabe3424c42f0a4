package io.github.dispatchspring.wire;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

/**
 * Serves a protocol request on a servlet: authenticates its head, then reads a bounded body, at most
 * {@code maxConcurrentReads} bodies at once, checks the whole request and hands it to the handler,
 * writing its {@link WireResponse} back. Nothing of the body is read for a request that is refused.
 */
public final class WireExchange {

	private static final byte[] NO_BODY = new byte[0];

	private final long maxBodySize;

	private final Semaphore reads;

	private final Duration readWait;

	/**
	 * Creates the exchange.
	 * @param maxBodySize the largest body read
	 * @param maxConcurrentReads how many bodies are read at once
	 * @param readWait how long a request waits for the others to be read before it is answered 429
	 */
	public WireExchange(DataSize maxBodySize, int maxConcurrentReads, Duration readWait) {
		this.maxBodySize = maxBodySize.toBytes();
		this.reads = new Semaphore(maxConcurrentReads, true);
		this.readWait = readWait;
	}

	/**
	 * Handles a servlet request.
	 * @param request the request
	 * @param authentication who may send it
	 * @param handler what answers it once authenticated
	 * @return the answer
	 */
	public ResponseEntity<byte[]> handle(HttpServletRequest request, RequestAuthentication authentication,
			Function<WireRequest, WireResponse> handler) {
		WireRequest head = new WireRequest(request.getMethod(), request.getRequestURI(), authority(request),
				request::getHeader, NO_BODY);
		ConnectError refused = authentication.checkHead(head);
		if (refused != null) {
			return write(WireResponse.error(refused));
		}
		if (request.getContentLengthLong() > this.maxBodySize) {
			return write(WireResponse.error(tooLarge()));
		}
		Body body = read(request);
		if (body.refusal() != null) {
			return write(WireResponse.error(body.refusal()));
		}
		WireRequest whole = new WireRequest(head.method(), head.path(), head.authority(), request::getHeader,
				body.bytes());
		refused = authentication.checkBody(whole);
		if (refused != null) {
			return write(WireResponse.error(refused));
		}
		return write(handler.apply(whole));
	}

	private Body read(HttpServletRequest request) {
		try {
			if (!this.reads.tryAcquire(this.readWait.toMillis(), TimeUnit.MILLISECONDS)) {
				return Body.refused(busy());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Body.refused(busy());
		}
		try (InputStream input = request.getInputStream()) {
			byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
			return (bytes.length > this.maxBodySize) ? Body.refused(tooLarge()) : new Body(bytes, null);
		}
		catch (IOException ex) {
			return Body.refused(ConnectError.invalidArgument("the body could not be read: " + ex.getMessage()));
		}
		finally {
			this.reads.release();
		}
	}

	private static String authority(HttpServletRequest request) {
		String host = request.getHeader(HttpHeaders.HOST);
		if (host != null) {
			return host;
		}
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && "http".equals(request.getScheme()))
				|| (port == 443 && "https".equals(request.getScheme()));
		return defaultPort ? request.getServerName() : request.getServerName() + ":" + port;
	}

	private static ConnectError busy() {
		return new ConnectError(429, "resource_exhausted",
				"too many requests are being read at once: retry later (dispatch.max-concurrent-reads)");
	}

	private ConnectError tooLarge() {
		return ConnectError.tooLarge(
				"the body is larger than the limit of " + this.maxBodySize + " bytes (dispatch.max-request-size)");
	}

	private static ResponseEntity<byte[]> write(WireResponse response) {
		return ResponseEntity.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()))
			.body(response.body());
	}

	/** A body read, or the refusal to read it. */
	private record Body(byte[] bytes, @Nullable ConnectError refusal) {

		static Body refused(ConnectError refusal) {
			return new Body(NO_BODY, refusal);
		}

	}

}
