package io.github.dispatchspring.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import io.github.dispatchspring.proto.ConnectError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

/**
 * Reads servlet requests into {@link WireRequest}s with a bounded body, and writes
 * {@link WireResponse}s back.
 */
public final class WireExchange {

	private final long maxBodySize;

	public WireExchange(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize.toBytes();
	}

	/**
	 * Handles a servlet request.
	 * @param request the request
	 * @param handler what answers it
	 * @return the answer
	 */
	public ResponseEntity<byte[]> handle(HttpServletRequest request, Function<WireRequest, WireResponse> handler) {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			return write(tooLarge());
		}
		byte[] body;
		try (InputStream input = request.getInputStream()) {
			body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
		}
		catch (IOException ex) {
			return write(WireResponse.error(ConnectError.invalidArgument("the body could not be read: " + ex.getMessage())));
		}
		if (body.length > this.maxBodySize) {
			return write(tooLarge());
		}
		return write(handler.apply(
				new WireRequest(request.getMethod(), request.getRequestURI(), authority(request), request::getHeader, body)));
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

	private WireResponse tooLarge() {
		return WireResponse.error(ConnectError.tooLarge("the body is larger than the limit of " + this.maxBodySize
				+ " bytes (dispatch.max-request-size)"));
	}

	private static ResponseEntity<byte[]> write(WireResponse response) {
		return ResponseEntity.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()))
			.body(response.body());
	}

}
